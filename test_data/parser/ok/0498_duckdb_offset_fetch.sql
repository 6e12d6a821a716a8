select * from orders order by id offset 5 rows fetch next 10 rows only
