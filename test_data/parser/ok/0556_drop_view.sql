drop view reporting.v_orders
