-- dialect: databricks
CREATE OR REPLACE VIEW `main`.`reporting`.`v_orders` AS SELECT * FROM main.sales.orders
