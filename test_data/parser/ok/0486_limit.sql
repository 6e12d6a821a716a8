select * from events limit 10
