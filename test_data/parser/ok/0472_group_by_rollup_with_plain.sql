select year, region, product, sum(amount)
from sales
group by year, rollup (region, product)
