select
    user_id,
    ts,
    row_number() over w as rn,
    lag(ts) over w as prev_ts,
    sum(amount) over w_running as running_total
from payments
window w as (partition by user_id order by ts),
       w_running as (partition by user_id order by ts rows between unbounded preceding and current row)
