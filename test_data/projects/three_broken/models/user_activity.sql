SELECT
    u.user_id,
    u.plan,
    count(e.event_id) AS events,
    max(e.occurred_at) AS last_seen_at
FROM stg_users AS u
LEFT JOIN stg_events AS e USING (user_id)
GROUP BY u.user_id, u.plan
