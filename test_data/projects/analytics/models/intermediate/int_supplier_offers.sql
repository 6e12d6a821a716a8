-- Every part-supplier offer with the part, the supplier's nation and the unit margin.
SELECT
    ps.part_key,
    ps.supplier_key,
    p.part_name,
    p.brand,
    p.type_grade,
    p.retail_price,
    ps.supply_cost,
    ps.available_qty,
    ps.stock_value,
    p.retail_price - ps.supply_cost AS unit_margin,
    round((p.retail_price - ps.supply_cost) / p.retail_price * 100, 2) AS margin_pct,
    trim(s.s_name) AS supplier_name,
    s.has_complaints,
    n.nation_name AS supplier_nation,
    rank() OVER (PARTITION BY ps.part_key ORDER BY ps.supply_cost) AS cost_rank
FROM stg_partsupp AS ps
JOIN stg_part AS p USING (part_key)
JOIN stg_supplier AS s ON s.s_suppkey = ps.supplier_key
JOIN stg_nation AS n ON n.nation_key = s.s_nationkey
