pivot sales on quarter in ('Q1', 'Q2', 'Q3', 'Q4') using sum(amount) group by region
