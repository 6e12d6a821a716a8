SELECT customer_id,
       CASE
           WHEN lifetime_value >= 10000 THEN 'platinum'
           WHEN lifetime_value >= 1000  THEN 'gold'
           WHEN lifetime_value > 0      THEN 'silver'
           ELSE 'prospect'
       END AS tier
FROM customer_ltv
