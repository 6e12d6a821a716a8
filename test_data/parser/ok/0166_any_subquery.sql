select *
from orders o
where o.amount > any (select threshold from fraud_rules)
   or o.customer_id = ANY (select customer_id from watchlist)
