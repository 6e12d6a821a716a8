select
    "customer_id",
    "Order Date" as order_date,
    "select" as select_col,
    o."Amount"
from "raw"."Orders" as o
