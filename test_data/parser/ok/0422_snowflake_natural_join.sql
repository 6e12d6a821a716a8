-- dialect: snowflake
select * from orders natural join customers
