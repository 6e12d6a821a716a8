SELECT DISTINCT channel FROM orders
