-- dialect: duckdb
select o.order_id, r.rate
from orders o
join fx_rates r
  on r.currency = o.currency
 and r.rate_date = @var(rate_date, '2024-01-01')
