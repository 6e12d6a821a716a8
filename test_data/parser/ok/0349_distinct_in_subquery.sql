select count(*) from (select distinct customer_id, product_id from order_items) t
