-- Syntax error: an unclosed parenthesis.
SELECT plan, count(user_id AS signups
FROM stg_users
GROUP BY plan
