-- One row per order: line counts, units, gross and net amounts, lateness.
SELECT
    order_key,
    customer_key,
    order_date,
    order_month,
    count(*) AS line_count,
    sum(quantity_units) AS total_units,
    sum(quantity) AS total_quantity,
    sum(extended_price) AS gross_amount,
    sum(net_price) AS net_amount,
    round(sum(gross_price), 2) AS invoiced_amount,
    avg(discount) AS avg_discount,
    max(days_to_ship) AS max_days_to_ship,
    count(*) FILTER (WHERE is_late) AS late_lines,
    bool_or(is_returned) AS has_return,
    min(ship_date) AS first_ship_date,
    max(receipt_date) AS last_receipt_date
FROM int_order_lines
GROUP BY ALL
