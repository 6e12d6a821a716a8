-- Parts with the type split into its three words and the size bucketed.
SELECT
    p_partkey AS part_key,
    p_name AS part_name,
    trim(p_mfgr) AS manufacturer,
    trim(p_brand) AS brand,
    p_type AS part_type,
    split_part(p_type, ' ', 1) AS type_grade,
    split_part(p_type, ' ', 2) AS type_finish,
    split_part(p_type, ' ', 3) AS type_material,
    p_size AS size,
    CASE WHEN p_size <= 10 THEN 'small' WHEN p_size <= 30 THEN 'medium' ELSE 'large' END AS size_band,
    trim(p_container) AS container,
    p_retailprice AS retail_price,
    CAST(p_retailprice AS DOUBLE) AS retail_price_float
FROM tpch.part
