WITH RECURSIVE
    seeds AS (SELECT 1 AS id, 'root' AS label),
    tree(id, label, lvl) AS (
        SELECT id, label, 0 FROM seeds
        UNION ALL
        SELECT t.id * 2, t.label || '.child', t.lvl + 1 FROM tree t WHERE t.lvl < 3
    )
SELECT * FROM tree
