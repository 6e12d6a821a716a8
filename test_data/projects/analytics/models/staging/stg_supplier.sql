-- Suppliers as loaded, plus a complaint flag (the one SELECT * staging model).
SELECT
    *,
    s_comment LIKE '%Customer%Complaints%' AS has_complaints,
    coalesce(nullif(s_acctbal, 0), 0.01) AS nonzero_balance
FROM tpch.supplier
