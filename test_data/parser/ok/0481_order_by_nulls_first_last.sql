SELECT * FROM customers ORDER BY last_order_date DESC NULLS LAST, name ASC NULLS FIRST
