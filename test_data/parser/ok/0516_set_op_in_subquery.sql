SELECT count(*) FROM (
    SELECT email FROM leads
    INTERSECT
    SELECT email FROM customers
) overlap
