select * from products
where price > (select avg(price) from products)
  and category_id = any (select id from categories where active)
