select order_id from orders; -- trailing comment
