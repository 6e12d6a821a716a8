select
    event_id,
    payload -> 'user' as user_json,
    payload ->> 'event_type' as event_type,
    payload -> '$.device.os' as device_os
from raw_events
