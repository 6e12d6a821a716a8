-- dialect: bigquery
select o.* except (customer_id) replace (round(o.amount, 2) as amount), c.email
from orders o
join customers c using (customer_id)
