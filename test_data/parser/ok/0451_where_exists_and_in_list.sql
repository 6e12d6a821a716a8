SELECT * FROM customers c
WHERE c.country IN ('US', 'CA', 'MX')
  AND NOT EXISTS (SELECT 1 FROM churned ch WHERE ch.customer_id = c.id)
  AND c.signup_date >= DATE '2023-01-01'
