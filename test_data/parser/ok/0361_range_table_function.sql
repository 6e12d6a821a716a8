select * from range(10)
