select *
from products
where price >= all (select price from products where category = 'basic')
