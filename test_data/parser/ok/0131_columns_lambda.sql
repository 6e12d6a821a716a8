select COLUMNS(c -> c like 'total_%')
from order_totals
