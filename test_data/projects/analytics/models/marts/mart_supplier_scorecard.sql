-- Suppliers scored on delivered lines and their offer catalogue (full outer join of both).
WITH delivered AS (
    SELECT
        supplier_key,
        count(*) AS lines,
        count(*) FILTER (WHERE is_late) AS late_lines,
        sum(net_price) AS revenue
    FROM int_order_lines
    GROUP BY supplier_key
),

offered AS (
    SELECT
        supplier_key,
        count(*) AS parts_offered,
        sum(stock_value) AS stock_value,
        avg(margin_pct) AS avg_margin_pct
    FROM int_supplier_offers
    GROUP BY supplier_key
)

SELECT
    coalesce(d.supplier_key, o.supplier_key) AS supplier_key,
    trim(s.s_name) AS supplier_name,
    coalesce(d.lines, 0) AS lines_delivered,
    coalesce(o.parts_offered, 0) AS parts_offered,
    coalesce(d.revenue, 0) AS revenue,
    o.stock_value,
    round(coalesce(d.late_lines, 0) / nullif(d.lines, 0), 3) AS late_rate,
    CAST(o.avg_margin_pct AS DECIMAL(10, 2)) AS avg_margin_pct,
    dense_rank() OVER (ORDER BY coalesce(d.revenue, 0) DESC) AS revenue_rank,
    s.has_complaints,
    CASE
        WHEN s.has_complaints THEN 'C'
        WHEN coalesce(d.late_lines, 0) * 2 > coalesce(d.lines, 0) THEN 'B'
        ELSE 'A'
    END AS grade
FROM delivered AS d
FULL OUTER JOIN offered AS o ON o.supplier_key = d.supplier_key
LEFT JOIN stg_supplier AS s ON s.s_suppkey = coalesce(d.supplier_key, o.supplier_key)
