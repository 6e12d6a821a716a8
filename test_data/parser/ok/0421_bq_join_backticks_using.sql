-- dialect: bigquery
SELECT *
FROM `proj.ds.orders` o
JOIN `proj.ds.customers` c USING (customer_id)
LEFT JOIN `proj.ds.payments` p ON p.order_id = o.order_id
