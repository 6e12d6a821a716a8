select ts, sum(amount) over (order by ts range between interval 7 days preceding and current row) as rolling_7d
from payments
