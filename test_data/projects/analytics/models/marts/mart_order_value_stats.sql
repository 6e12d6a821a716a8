-- Per-year distribution of order values: spread, mode, extremes and the top order.
SELECT
    extract(year FROM order_date) AS order_year,
    count(*) AS orders,
    min(net_amount) AS min_net,
    max(net_amount) AS max_net,
    avg(net_amount) AS mean_net,
    stddev_pop(net_amount) AS stddev_net,
    var_samp(total_units) AS variance_units,
    quantile_cont(net_amount, 0.25) AS p25_net,
    quantile_cont(net_amount, 0.75) AS p75_net,
    mode(line_count) AS most_common_line_count,
    arg_max(order_key, net_amount) AS top_order_key,
    arg_min(order_date, net_amount) AS cheapest_order_date,
    approx_count_distinct(customer_key) AS approx_customers,
    count_if(has_return) AS orders_with_returns,
    bool_and(late_lines = 0) AS all_on_time,
    sum(total_units) AS units,
    sum(total_units)::BIGINT AS units_bigint,
    max(total_quantity) - min(total_quantity) AS quantity_range,
    list(order_key ORDER BY net_amount DESC)[1:3] AS top_three_orders
FROM int_order_totals
GROUP BY 1
ORDER BY 1
