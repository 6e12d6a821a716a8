with monthly(month, revenue) as (
    select date_trunc('month', order_date), sum(amount)
    from orders
    group by 1
)
select month, revenue from monthly order by month
