-- Line economics per discount level: discount given, realised price ratio, spread.
SELECT
    CAST(discount * 100 AS INTEGER) AS discount_pct,
    CAST(discount AS VARCHAR) AS discount_label,
    count(*) AS lines,
    sum(quantity_units) AS units,
    sum(extended_price - net_price) AS discount_given,
    round(avg(CAST(net_price AS DOUBLE)), 2) AS avg_net_price,
    sum(quantity * unit_price) AS list_value,
    sum(extended_price) / 100 AS list_value_hundreds,
    round(sum(net_price) / sum(extended_price), 4) AS realised_ratio,
    stddev_samp(CAST(net_price AS DOUBLE)) AS net_price_stddev,
    greatest(max(discount_amount), 0) AS max_discount_amount,
    sum(quantity_units * 2) AS double_units,
    sum(quantity_units) * 1.5 AS weighted_units
FROM int_order_lines
GROUP BY ALL
ORDER BY discount_pct
