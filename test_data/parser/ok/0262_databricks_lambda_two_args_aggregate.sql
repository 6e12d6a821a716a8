-- dialect: databricks
select
    transform(line_amounts, (x, i) -> x * i) as weighted,
    aggregate(line_amounts, 0D, (acc, x) -> acc + x) as total,
    zip_with(a, b, (x, y) -> x + y) as summed
from orders
