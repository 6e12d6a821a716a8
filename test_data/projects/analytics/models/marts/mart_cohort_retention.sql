-- Yearly customer cohorts (by first order) and how many stay active in later years.
WITH firsts AS (
    SELECT
        customer_key,
        min(extract(year FROM order_date)) AS cohort_year
    FROM int_order_totals
    GROUP BY customer_key
),

cohort_sizes AS (
    SELECT
        cohort_year,
        count(*) AS cohort_size
    FROM firsts
    GROUP BY cohort_year
),

activity AS (
    SELECT
        t.customer_key,
        f.cohort_year,
        extract(year FROM t.order_date) - f.cohort_year AS years_since_first,
        t.net_amount
    FROM int_order_totals AS t
    JOIN firsts AS f USING (customer_key)
)

SELECT
    a.cohort_year,
    a.years_since_first,
    s.cohort_size,
    count(DISTINCT a.customer_key) AS active_customers,
    round(count(DISTINCT a.customer_key) / s.cohort_size, 3) AS retention_rate,
    sum(a.net_amount) AS cohort_revenue,
    make_date(CAST(a.cohort_year AS INTEGER), 1, 1) AS cohort_start
FROM activity AS a
JOIN cohort_sizes AS s USING (cohort_year)
GROUP BY a.cohort_year, a.years_since_first, s.cohort_size
ORDER BY a.cohort_year, a.years_since_first
