select distinct on (user_id, cast(ts as date))
    user_id, cast(ts as date) as day, page
from pageviews
order by user_id, cast(ts as date), ts
