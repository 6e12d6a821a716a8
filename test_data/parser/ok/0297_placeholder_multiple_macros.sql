-- dialect: duckdb
select
    @cents_to_dollars(amount) as dollars,
    @cents_to_dollars(tax) as tax_dollars,
    @my_macro(customer_id, @var(region, 'EU')) as customer_region_key
from payments
