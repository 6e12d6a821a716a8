SELECT
    date_trunc('week', ts) AS week,
    count(*) FILTER (WHERE event_type = 'signup') AS signups,
    count(*) FILTER (WHERE event_type = 'purchase') AS purchases
FROM events
GROUP BY 1
