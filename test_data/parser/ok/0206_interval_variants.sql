select
    '1 day'::interval as one_day,
    interval 90 minutes as ninety_min,
    INTERVAL '1' YEAR + INTERVAL '6' MONTH as eighteen_months,
    cast('3 hours' as interval) as three_hours
from settings
