select *
from subscriptions
where is_active is true
  and is_trial is not true
  and is_cancelled is false
  and (is_paused is not false) is false
