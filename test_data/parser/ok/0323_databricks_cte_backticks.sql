-- dialect: databricks
WITH `orders` AS (
  SELECT * FROM main.`sales`.`orders`
)
SELECT order_id, amount FROM `orders` WHERE amount > 0
