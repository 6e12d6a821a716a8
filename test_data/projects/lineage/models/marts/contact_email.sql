-- COALESCE of two sources; a join key merged by USING.
SELECT
    customer_id,
    coalesce(k.email, c.email) AS email,
    k.phone
FROM stg_customers AS c
LEFT JOIN crm.contacts AS k USING (customer_id)
