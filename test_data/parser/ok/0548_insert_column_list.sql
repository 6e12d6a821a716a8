insert into order_items (order_id, line_no, product_id, quantity) values (1, 1, 42, 3), (1, 2, 7, 1)
