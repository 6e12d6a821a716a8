select
    cast(created_at as date) as created_date,
    cast(created_at as time) as created_time,
    cast('2024-01-01' as date) + 1 as jan_2,
    cast(payload as json) as payload_json
from events
