select
    first_name || ' ' || last_name as full_name,
    'cust-' || customer_id::varchar as customer_key,
    coalesce(city, '') || ', ' || coalesce(country, '') as location
from customers
