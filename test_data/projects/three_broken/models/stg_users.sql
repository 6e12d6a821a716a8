SELECT user_id, lower(email) AS email, coalesce(plan, 'free') AS plan, created_at
FROM raw__app.users
