select
    subscription_id,
    started_at + INTERVAL (trial_days) DAY as trial_end,
    started_at + interval (term_months * 12) month as term_end
from subscriptions
