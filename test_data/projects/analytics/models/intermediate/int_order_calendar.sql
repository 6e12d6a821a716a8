-- Orders with calendar attributes for reporting: names, week numbers, month ends, epochs.
SELECT
    order_key,
    order_date,
    dayname(order_date) AS order_day_name,
    monthname(order_date) AS order_month_name,
    isodow(order_date) AS iso_day_of_week,
    week(order_date) AS week_of_year,
    yearweek(order_date) AS year_week,
    date_part('doy', order_date) AS day_of_year,
    last_day(order_date) AS month_end_date,
    date_diff('day', order_date, last_day(order_date)) AS days_to_month_end,
    date_trunc('quarter', order_date) AS order_quarter,
    CAST(order_date AS TIMESTAMP) + INTERVAL 17 HOUR AS order_cutoff_at,
    epoch(CAST(order_date AS TIMESTAMP)) AS order_epoch_seconds,
    make_date(CAST(order_year AS INTEGER), 12, 31) AS year_end_date,
    order_date - INTERVAL 1 MONTH AS one_month_before,
    date_add(order_date, INTERVAL 45 DAY) AS payment_due_at,
    age(TIMESTAMP '1998-12-31 00:00:00', CAST(order_date AS TIMESTAMP)) AS age_at_year_end,
    order_date BETWEEN DATE '1995-01-01' AND DATE '1995-12-31' AS is_1995
FROM stg_orders
