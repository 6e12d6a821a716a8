SELECT coalesce(prod.id, dev.id) AS id,
       CASE WHEN prod.id IS NULL THEN 'added'
            WHEN dev.id IS NULL THEN 'removed'
            ELSE 'changed' END AS change_type
FROM prod_table prod
FULL OUTER JOIN dev_table dev ON prod.id = dev.id
WHERE prod.id IS NULL OR dev.id IS NULL OR prod.hash <> dev.hash
