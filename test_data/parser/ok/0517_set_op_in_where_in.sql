select * from products
where id in (select product_id from promos union select product_id from featured)
