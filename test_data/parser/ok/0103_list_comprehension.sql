select
    [x * 2 for x in line_amounts if x > 0] as doubled_positive,
    [upper(t) for t in tags] as upper_tags
from orders
