-- E126: `customers` has 3 columns, the alias list names 4.
SELECT id, full_name
FROM customers AS c (id, full_name, country, segment)
