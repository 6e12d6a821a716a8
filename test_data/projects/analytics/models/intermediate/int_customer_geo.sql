-- Customers with their nation and region names.
SELECT
    c.customer_key,
    c.customer_name,
    c.market_segment,
    c.account_balance,
    c.is_in_debt,
    n.nation_key,
    n.nation_name,
    r.region_key,
    r.region_name,
    n.nation_name || ', ' || r.region_name AS geo_label
FROM stg_customer AS c
JOIN stg_nation AS n USING (nation_key)
JOIN stg_region AS r ON r.region_key = n.region_key
