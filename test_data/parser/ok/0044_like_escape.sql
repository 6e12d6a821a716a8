select *
from products
where product_code like '100\%%' escape '\'
  or  product_code like 'a!_b%' ESCAPE '!'
