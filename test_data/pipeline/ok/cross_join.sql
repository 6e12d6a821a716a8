SELECT regions.region, c.name FROM regions CROSS JOIN customers c WHERE c.country = regions.code
