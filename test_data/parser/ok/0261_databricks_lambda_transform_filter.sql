-- dialect: databricks
select
    transform(line_amounts, x -> x + 1) as bumped,
    filter(line_amounts, x -> x > 0) as positive,
    exists(tags, t -> t = 'vip') as is_vip
from orders
