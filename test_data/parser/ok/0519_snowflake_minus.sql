-- dialect: snowflake
select id from expected minus select id from actual
