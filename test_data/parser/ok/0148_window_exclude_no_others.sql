select
    score,
    sum(score) over (order by score rows between 1 preceding and 1 following exclude no others) as s
from scores
