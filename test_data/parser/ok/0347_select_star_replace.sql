SELECT * REPLACE (lower(email) AS email) FROM users
