-- dialect: databricks
select *
from customers
where email ilike '%@gmail.com'
qualify row_number() over (partition by customer_id order by updated_at desc) = 1
