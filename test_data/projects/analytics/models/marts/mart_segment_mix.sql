-- Revenue per region pivoted by market segment, with a per-order average.
SELECT
    g.region_name,
    sum(CASE WHEN g.market_segment = 'automobile' THEN t.net_amount ELSE 0 END) AS automobile_revenue,
    sum(CASE WHEN g.market_segment = 'building' THEN t.net_amount ELSE 0 END) AS building_revenue,
    sum(CASE WHEN g.market_segment = 'furniture' THEN t.net_amount ELSE 0 END) AS furniture_revenue,
    sum(CASE WHEN g.market_segment IN ('machinery', 'household') THEN t.net_amount END) AS other_revenue,
    count(*) FILTER (WHERE g.market_segment = 'building') AS building_orders,
    count(*) AS orders,
    sum(t.net_amount) / count(*) AS avg_order_net,
    sum(t.total_units) AS units,
    CAST(sum(t.total_units) AS DOUBLE) / count(DISTINCT g.customer_key) AS units_per_customer
FROM int_customer_geo AS g
JOIN int_order_totals AS t ON t.customer_key = g.customer_key
GROUP BY ALL
ORDER BY g.region_name
