-- `SELECT *` through three models: star_a, star_b, star_c.
SELECT * FROM stg_orders
