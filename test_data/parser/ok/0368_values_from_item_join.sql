SELECT o.*, m.label
FROM orders o
JOIN (VALUES ('placed', 1), ('shipped', 2), ('returned', 3)) AS m(status, sort_key)
  ON o.status = m.status
