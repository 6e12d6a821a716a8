SELECT count(*) AS n, sum(amount) AS total FROM big_sales
