select * from orders using sample bernoulli(5%) repeatable (42)
