from orders_2023 select id union all from orders_2024 select id
