select *
from products
where sku ^@ 'SKU-'
  and name ~~ '%widget%'
  and name !~~ '%broken%'
