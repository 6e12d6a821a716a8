select
    score,
    count(*) over (order by score range between unbounded preceding and current row exclude ties) as below_or_self
from scores
