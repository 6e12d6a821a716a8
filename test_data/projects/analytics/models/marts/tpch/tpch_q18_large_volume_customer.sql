-- TPC-H Q18: customers who placed orders with a large total quantity.
SELECT
    c_name,
    c_custkey,
    o_orderkey,
    o_orderdate,
    o_totalprice,
    sum(l_quantity) AS total_quantity
FROM tpch.customer, tpch.orders, tpch.lineitem
WHERE o_orderkey IN (
      SELECT l_orderkey
      FROM tpch.lineitem
      GROUP BY l_orderkey
      HAVING sum(l_quantity) > 100
  )
  AND c_custkey = o_custkey
  AND o_orderkey = l_orderkey
GROUP BY c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice
ORDER BY o_totalprice DESC, o_orderdate
LIMIT 100
