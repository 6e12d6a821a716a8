WITH missing AS (
    SELECT id FROM source_ids
    EXCEPT
    SELECT id FROM target_ids
)
SELECT s.* FROM source_table s JOIN missing USING (id)
