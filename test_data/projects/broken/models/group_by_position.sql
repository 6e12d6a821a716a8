-- E125: the select list has 2 items, there is no 5th.
SELECT status, count(*) AS orders
FROM orders
GROUP BY 5
