-- Parts grouped by size band, grade and price band, with margins and brand lists.
WITH cheapest AS (
    SELECT
        part_key,
        min(supply_cost) AS best_cost
    FROM int_supplier_offers
    GROUP BY part_key
)

SELECT
    p.size_band,
    p.type_grade,
    CASE
        WHEN p.retail_price < 950 THEN 'budget'
        WHEN p.retail_price < 1000 THEN 'standard'
        ELSE 'premium'
    END AS price_band,
    count(*) AS parts,
    min(p.retail_price) AS min_price,
    max(p.retail_price) AS max_price,
    round(avg(p.retail_price), 2) AS avg_price,
    sum(p.retail_price - c.best_cost) AS total_best_margin,
    string_agg(DISTINCT p.brand, ', ' ORDER BY p.brand) AS brands,
    max(p.size) - min(p.size) AS size_spread
FROM stg_part AS p
LEFT JOIN cheapest AS c USING (part_key)
GROUP BY ALL
ORDER BY ALL
