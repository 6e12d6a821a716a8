-- dialect: duckdb
select *
from payments
where @cents_to_dollars(amount) > @var(min_amount, 100)
