select
    min(COLUMNS(*)),
    max(columns('amount|tax'))
from order_totals
