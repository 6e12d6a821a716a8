PIVOT cities ON year USING sum(population) GROUP BY country
