create view v_totals(customer_id, total_amount) as
select customer_id, sum(amount) from orders group by customer_id
