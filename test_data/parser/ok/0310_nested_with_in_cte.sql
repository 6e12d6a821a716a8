with outer_cte as (
    with inner_cte as (
        select id, amount from payments
    )
    select id, sum(amount) as amount from inner_cte group by id
)
select * from outer_cte
