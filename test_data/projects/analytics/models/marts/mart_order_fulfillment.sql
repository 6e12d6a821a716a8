-- Fulfillment speed per ship mode: late rate, average, median and percentile days.
SELECT
    ship_mode,
    count(*) AS lines,
    count(*) FILTER (WHERE is_late) AS late_lines,
    round(count(*) FILTER (WHERE is_late) / count(*), 4) AS late_rate,
    avg(days_to_ship) AS avg_days_to_ship,
    median(days_to_ship) AS median_days_to_ship,
    quantile_cont(transit_days, 0.9) AS p90_transit_days,
    quantile_disc(days_to_ship, 0.5) AS p50_days_to_ship_disc,
    median(net_price) AS median_net_price,
    max(transit_days) AS max_transit_days,
    min(ship_date) AS first_ship_date
FROM int_order_lines
GROUP BY ship_mode
ORDER BY ship_mode
