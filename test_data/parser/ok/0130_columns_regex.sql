select
    customer_id,
    COLUMNS('amount_.*')
from order_totals
