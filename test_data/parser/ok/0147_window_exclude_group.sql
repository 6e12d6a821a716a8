select
    score,
    sum(score) over (order by score groups between unbounded preceding and unbounded following exclude group) as others_total
from scores
