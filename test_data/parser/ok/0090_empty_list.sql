select
    coalesce(tags, []) as tags,
    [] as nothing
from customers
