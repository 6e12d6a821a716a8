-- Nations with trimmed names, a title-cased label and their region key.
SELECT
    n_nationkey AS nation_key,
    trim(n_name) AS nation_name,
    upper(left(trim(n_name), 1)) || lower(substring(trim(n_name), 2)) AS nation_label,
    n_regionkey AS region_key,
    length(trim(n_name)) AS name_length,
    n_nationkey + 10 AS phone_country_code
FROM tpch.nation
