-- dialect: snowflake
select
    case
        when created_at >= current_timestamp() - interval '7 days' then 'recent'
        when created_at >= dateadd(month, -1, current_date) then 'this_month'
    end as recency,
    count_if(amount > 0) as positive_orders
from orders
group by 1
