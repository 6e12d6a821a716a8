select customer_id from orders_2023 intersect select customer_id from orders_2024
