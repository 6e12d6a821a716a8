SELECT id, doubled * 2 AS doubled FROM doubled
