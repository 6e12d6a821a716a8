-- TPC-H Q17: yearly revenue lost if small orders of one brand and container were dropped.
SELECT
    sum(l_extendedprice) / 7.0 AS avg_yearly
FROM tpch.lineitem, tpch.part
WHERE p_partkey = l_partkey
  AND p_brand = 'Brand#22'
  AND p_container = 'MED BOX'
  AND l_quantity < (
      SELECT 0.2 * avg(l_quantity)
      FROM tpch.lineitem
      WHERE l_partkey = p_partkey
  )
