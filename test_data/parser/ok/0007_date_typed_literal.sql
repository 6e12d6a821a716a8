select *
from orders
where order_date >= DATE '2024-01-01'
  and order_date <  date '2025-01-01'
