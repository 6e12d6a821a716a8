select
    order_id,
    list_filter(line_amounts, x -> x > 0 and x < 1000) as valid_amounts
from orders
where len(list_filter(tags, t -> t like 'promo%')) > 0
