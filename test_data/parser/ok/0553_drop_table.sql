DROP TABLE staging.tmp_orders
