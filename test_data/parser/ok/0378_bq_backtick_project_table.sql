-- dialect: bigquery
SELECT order_id, total
FROM `my-project.sales.orders` AS o
WHERE o.total > 0
