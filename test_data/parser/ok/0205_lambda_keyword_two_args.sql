select
    list_reduce(line_amounts, lambda acc, x: acc + x) as total,
    list_transform(line_amounts, lambda x, i: x * i) as weighted
from orders
