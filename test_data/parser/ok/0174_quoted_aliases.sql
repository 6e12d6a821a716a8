select
    sum(amount) as "Total Amount",
    count(*) "Order Count",
    avg(amount) as "avg.amount (usd)"
from orders
