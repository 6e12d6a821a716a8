select o.id, c.name from orders o join customers c on o.customer_id = c.id
