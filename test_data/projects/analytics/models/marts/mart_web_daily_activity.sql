-- Daily web activity with neighbouring days, a 7-day window and calendar attributes.
WITH daily AS (
    SELECT
        event_date,
        count(*) AS events,
        count(DISTINCT customer_key) AS active_customers,
        sum(revenue) AS revenue,
        avg(session_minutes) AS avg_session_minutes
    FROM stg_web_events
    GROUP BY event_date
)

SELECT
    event_date,
    strftime(event_date, '%A') AS weekday_name,
    dayofweek(event_date) AS day_of_week,
    dayofweek(event_date) IN (0, 6) AS is_weekend,
    event_date + INTERVAL 7 DAY AS same_day_next_week,
    event_date + 7 AS date_plus_seven,
    events,
    active_customers,
    revenue,
    lag(events) OVER w AS prev_day_events,
    lead(events, 1, 0) OVER w AS next_day_events,
    first_value(event_date) OVER w AS first_active_date,
    event_date - first_value(event_date) OVER w AS days_since_first,
    sum(events) OVER (ORDER BY event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS events_7d,
    round(avg_session_minutes, 1) AS avg_session_minutes
FROM daily
WINDOW w AS (ORDER BY event_date)
ORDER BY event_date
