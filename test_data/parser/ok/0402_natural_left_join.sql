select * from orders natural left join shipments
