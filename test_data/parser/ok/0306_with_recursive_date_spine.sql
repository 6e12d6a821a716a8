WITH RECURSIVE date_spine(d) AS (
    SELECT DATE '2024-01-01'
    UNION ALL
    SELECT d + INTERVAL 1 DAY FROM date_spine WHERE d < DATE '2024-12-31'
)
SELECT d AS date_day FROM date_spine
