select c.id from customers c where c.active
