-- dialect: snowflake
select top 10 customer_id, total from customer_totals order by total desc
