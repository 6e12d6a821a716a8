-- dialect: snowflake
select * from analytics.events sample (10)
