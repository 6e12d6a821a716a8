-- Revenue per nation with its share of the total and of its region, ranked.
SELECT
    g.region_name,
    g.nation_name,
    count(DISTINCT t.customer_key) AS customers,
    count(*) AS orders,
    sum(t.net_amount) AS net_revenue,
    round(100 * sum(t.net_amount) / sum(sum(t.net_amount)) OVER (), 2) AS pct_of_total,
    round(100 * sum(t.net_amount) / sum(sum(t.net_amount)) OVER (PARTITION BY g.region_name), 2) AS pct_of_region,
    rank() OVER (PARTITION BY g.region_name ORDER BY sum(t.net_amount) DESC) AS rank_in_region,
    dense_rank() OVER (ORDER BY sum(t.net_amount) DESC) AS overall_rank
FROM int_order_totals AS t
JOIN int_customer_geo AS g ON g.customer_key = t.customer_key
GROUP BY g.region_name, g.nation_name
ORDER BY g.region_name, rank_in_region
