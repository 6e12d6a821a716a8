-- W001: an INTEGER key joined to a BIGINT one.
SELECT o.order_id FROM raw__shop.orders AS o JOIN (SELECT CAST(customer_id AS INTEGER) AS id FROM raw__shop.customers) AS c ON c.id = o.customer_id
