-- Late lines with their customer, transit time and a 30-day delivery SLA check.
SELECT
    l.order_key,
    l.line_number,
    g.customer_name,
    g.region_name,
    l.ship_date,
    l.receipt_date,
    l.receipt_date - l.ship_date AS transit_days,
    l.ship_date + INTERVAL 30 DAY AS sla_deadline,
    l.receipt_date > l.ship_date + INTERVAL 30 DAY AS breached_sla,
    CAST(l.receipt_date AS TIMESTAMP) - CAST(l.ship_date AS TIMESTAMP) AS transit_interval,
    INTERVAL 1 DAY * l.transit_days AS transit_as_interval,
    extract(dow FROM l.receipt_date) AS receipt_weekday,
    l.net_price
FROM int_order_lines AS l
JOIN int_customer_geo AS g ON g.customer_key = l.customer_key
WHERE l.is_late
