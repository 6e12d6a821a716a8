SELECT id, CASE WHEN tier IS NULL THEN 'none' WHEN tier IN ('gold', 'silver') THEN 'top' ELSE tier END AS t FROM customers
