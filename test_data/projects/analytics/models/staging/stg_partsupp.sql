-- Part-supplier offers with the stock value at supply cost.
SELECT
    ps_partkey AS part_key,
    ps_suppkey AS supplier_key,
    ps_availqty AS available_qty,
    ps_supplycost AS supply_cost,
    ps_availqty * ps_supplycost AS stock_value,
    ps_availqty < 1000 AS is_low_stock
FROM tpch.partsupp
