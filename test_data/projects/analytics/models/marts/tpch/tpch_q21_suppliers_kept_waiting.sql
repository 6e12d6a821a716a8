-- TPC-H Q21: Ethiopian suppliers who were the only late supplier on multi-supplier orders.
SELECT
    s_name,
    count(*) AS numwait
FROM tpch.supplier, tpch.lineitem AS l1, tpch.orders, tpch.nation
WHERE s_suppkey = l1.l_suppkey
  AND o_orderkey = l1.l_orderkey
  AND o_orderstatus = 'F'
  AND l1.l_receiptdate > l1.l_commitdate
  AND EXISTS (
      SELECT *
      FROM tpch.lineitem AS l2
      WHERE l2.l_orderkey = l1.l_orderkey
        AND l2.l_suppkey <> l1.l_suppkey
  )
  AND NOT EXISTS (
      SELECT *
      FROM tpch.lineitem AS l3
      WHERE l3.l_orderkey = l1.l_orderkey
        AND l3.l_suppkey <> l1.l_suppkey
        AND l3.l_receiptdate > l3.l_commitdate
  )
  AND s_nationkey = n_nationkey
  AND n_name = 'ETHIOPIA'
GROUP BY s_name
ORDER BY numwait DESC, s_name
LIMIT 100
