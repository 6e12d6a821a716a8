select * from customers c anti join orders o on o.customer_id = c.id
