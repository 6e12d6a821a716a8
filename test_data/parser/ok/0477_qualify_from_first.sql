from orders qualify row_number() over (partition by customer_id order by order_date) = 1
