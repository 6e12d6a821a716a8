select
    COLUMNS(* EXCLUDE (customer_id)) / 100 as "\0_dollars"
from order_totals
