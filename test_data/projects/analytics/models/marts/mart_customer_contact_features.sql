-- String features of customers for the CRM export: parsed phones, masked names, tokens.
SELECT
    c.customer_key,
    concat_ws(' / ', c.customer_name, c.market_segment, n.nation_name) AS display_name,
    regexp_extract(c.phone, '^(\d+)-', 1) AS phone_prefix,
    regexp_replace(c.phone, '\d{4}$', 'XXXX') AS masked_phone,
    replace(c.customer_name, 'Customer#', 'C-') AS short_name,
    reverse(c.customer_name) AS reversed_name,
    contains(c.address, 'Market') AS is_market_street,
    starts_with(c.market_segment, 'auto') AS is_auto_segment,
    strpos(c.customer_name, '#') AS hash_position,
    right(c.phone, 4) AS phone_suffix,
    repeat('*', length(c.customer_name) - 4) || right(c.customer_name, 4) AS obfuscated_name,
    md5(c.customer_name) AS name_hash,
    printf('%s (%d)', n.nation_name, c.nation_key) AS nation_tag,
    string_split(c.phone, '-') AS phone_parts,
    len(string_split(c.phone, '-')) AS phone_part_count,
    CAST(c.customer_key AS VARCHAR) || '-' || c.phone_country_code AS contact_key,
    upper(c.market_segment) AS segment_code,
    c.customer_comment IS NULL AS has_no_comment
FROM stg_customer AS c
JOIN stg_nation AS n USING (nation_key)
