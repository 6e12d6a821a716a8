SELECT DISTINCT country, region, city
FROM dim_locations
ORDER BY country, region, city
