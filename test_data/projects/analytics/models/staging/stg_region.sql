-- Regions with trimmed names and an upper-case code.
SELECT
    r_regionkey AS region_key,
    trim(r_name) AS region_name,
    upper(left(trim(r_name), 3)) AS region_code,
    r_comment AS region_comment
FROM tpch.region
