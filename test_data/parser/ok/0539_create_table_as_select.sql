CREATE TABLE mart.fct_orders AS
SELECT o.id AS order_id, o.customer_id, sum(p.amount) AS amount
FROM orders o
LEFT JOIN payments p ON p.order_id = o.id
GROUP BY 1, 2
