-- Web events cleaned: lower-cased type, dates split out, revenue defaulted to zero.
SELECT
    event_id,
    customer_key,
    customer_key IS NULL AS is_anonymous,
    lower(trim(event_type)) AS event_type,
    occurred_at,
    CAST(occurred_at AS DATE) AS event_date,
    extract(hour FROM occurred_at) AS event_hour,
    strftime(occurred_at, '%Y-%m') AS event_month_label,
    revenue AS raw_revenue,
    coalesce(revenue, 0) AS revenue,
    nullif(session_seconds, 0) AS session_seconds,
    session_seconds / 60.0 AS session_minutes,
    session_seconds // 60 AS session_whole_minutes
FROM web.events
