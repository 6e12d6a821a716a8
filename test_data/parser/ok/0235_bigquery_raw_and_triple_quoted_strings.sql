-- dialect: bigquery
select
    regexp_contains(email, r'^[a-z]+@example\.com$') as is_example,
    """multi
line""" as note,
    'it\'s' as escaped
from customers
