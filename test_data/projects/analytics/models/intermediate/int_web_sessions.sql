-- Known customers' web activity per day.
SELECT
    customer_key,
    event_date,
    count(*) AS event_count,
    count(*) FILTER (WHERE event_type = 'page_view') AS page_views,
    count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
    sum(revenue) AS revenue,
    sum(session_seconds) AS session_seconds,
    max(occurred_at) - min(occurred_at) AS active_span,
    min(occurred_at) AS first_event_at,
    bool_or(event_type = 'purchase') AS converted
FROM stg_web_events
WHERE NOT is_anonymous
GROUP BY customer_key, event_date
