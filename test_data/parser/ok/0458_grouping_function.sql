select
    case when grouping(region) = 1 then 'ALL' else region end as region,
    grouping(product) as is_product_total,
    sum(amount) as total
from sales
group by rollup (region, product)
