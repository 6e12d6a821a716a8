-- Customers renamed, with segment normalised and phone country code split out.
SELECT
    c_custkey AS customer_key,
    trim(c_name) AS customer_name,
    c_address AS address,
    c_nationkey AS nation_key,
    trim(c_phone) AS phone,
    substring(c_phone, 1, 2) AS phone_country_code,
    CAST(substring(c_phone, 1, 2) AS INTEGER) AS phone_country_number,
    c_acctbal AS account_balance,
    c_acctbal < 0 AS is_in_debt,
    lower(trim(c_mktsegment)) AS market_segment,
    nullif(trim(c_comment), '') AS customer_comment,
    c_comment LIKE '%special%' AS has_special_requests
FROM tpch.customer
