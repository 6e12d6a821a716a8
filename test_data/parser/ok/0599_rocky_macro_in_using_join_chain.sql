-- dialect: duckdb

SELECT a.id, @pct(b.x, c.y) AS ratio
FROM a
JOIN b ON a.id = b.a_id AND b.day >= @start_date
JOIN c ON c.id = b.c_id AND @same_tenant(b.tenant, c.tenant)
