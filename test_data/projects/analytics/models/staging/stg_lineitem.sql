-- Line items with money derived once: net price after discount and gross with tax.
SELECT
    l_orderkey AS order_key,
    l_linenumber AS line_number,
    l_partkey AS part_key,
    l_suppkey AS supplier_key,
    l_quantity AS quantity,
    CAST(l_quantity AS INTEGER) AS quantity_units,
    l_extendedprice AS extended_price,
    l_discount AS discount,
    l_tax AS tax,
    l_extendedprice * (1 - l_discount) AS net_price,
    l_extendedprice * (1 - l_discount) * (1 + l_tax) AS gross_price,
    l_returnflag AS return_flag,
    l_linestatus AS line_status,
    l_shipdate AS ship_date,
    l_commitdate AS commit_date,
    l_receiptdate AS receipt_date,
    date_diff('day', l_shipdate, l_receiptdate) AS transit_days,
    l_receiptdate > l_commitdate AS is_late,
    trim(l_shipinstruct) AS ship_instruction,
    lower(trim(l_shipmode)) AS ship_mode
FROM tpch.lineitem
