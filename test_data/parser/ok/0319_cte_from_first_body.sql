with src as (from raw.customers),
     cleaned as (from src select id, trim(name) as name where id is not null)
from cleaned
