-- Star modifiers: REPLACE computes a column anew, EXCLUDE drops one.
SELECT * EXCLUDE (status, created_at) REPLACE (amount * 100 AS amount)
FROM stg_orders
