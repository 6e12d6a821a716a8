-- dialect: snowflake
select region, channel, sum(amount) as total from sales group by all
