select date_trunc('month', order_date) as month, upper(status) as status, count(*)
from orders
group by date_trunc('month', order_date), upper(status)
