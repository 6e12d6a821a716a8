select
    'it''s' as contraction,
    '' as empty_str,
    'O''Brien' as last_name,
    '''quoted''' as wrapped
from customers
