select *
from products
where sku similar to '[A-Z]{3}-[0-9]+'
  and sku not similar to 'TMP%'
