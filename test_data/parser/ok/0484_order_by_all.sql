select region, product, sum(amount) from sales group by all order by all
