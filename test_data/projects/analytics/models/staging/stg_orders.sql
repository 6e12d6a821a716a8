-- Orders renamed, with the priority split into rank and label and the date bucketed.
SELECT
    o_orderkey AS order_key,
    o_custkey AS customer_key,
    CASE o_orderstatus WHEN 'F' THEN 'fulfilled' WHEN 'O' THEN 'open' ELSE 'partial' END AS order_status,
    o_totalprice AS total_price,
    o_orderdate AS order_date,
    date_trunc('month', o_orderdate) AS order_month,
    extract(year FROM o_orderdate) AS order_year,
    CAST(left(o_orderpriority, 1) AS INTEGER) AS priority_rank,
    lower(trim(substring(o_orderpriority, 3))) AS priority_label,
    CAST(substring(trim(o_clerk), 7) AS BIGINT) AS clerk_id,
    nullif(o_shippriority, 0) AS ship_priority,
    o_comment LIKE '%special%requests%' AS is_special_request
FROM tpch.orders
