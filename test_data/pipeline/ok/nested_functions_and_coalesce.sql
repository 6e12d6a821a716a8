SELECT id, upper(coalesce(tier, 'none')) || '/' || coalesce(country, '?') AS label FROM customers
