-- One row per order line, with its order's customer and dates and the line's money.
SELECT
    l.order_key,
    l.line_number,
    o.customer_key,
    o.order_date,
    o.order_month,
    o.priority_rank,
    l.part_key,
    l.supplier_key,
    l.quantity,
    l.quantity_units,
    l.extended_price,
    l.discount,
    l.net_price,
    l.gross_price,
    l.extended_price - l.net_price AS discount_amount,
    l.extended_price / l.quantity AS unit_price,
    l.ship_date,
    l.receipt_date,
    l.transit_days,
    l.is_late,
    date_diff('day', o.order_date, l.ship_date) AS days_to_ship,
    l.ship_mode,
    l.return_flag = 'R' AS is_returned
FROM stg_lineitem AS l
JOIN stg_orders AS o ON o.order_key = l.order_key
