-- dialect: snowflake
select current_timestamp() as ts, current_user() as usr
