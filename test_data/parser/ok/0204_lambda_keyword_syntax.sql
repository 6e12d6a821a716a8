select
    list_transform(line_amounts, lambda x: x + 1) as bumped,
    list_filter(tags, lambda t: t <> '') as non_empty_tags
from orders
