select
    list_transform(line_amounts, (x, i) -> x * i) as weighted,
    list_reduce(line_amounts, (acc, x) -> acc + x) as total
from orders
