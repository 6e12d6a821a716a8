select
    TIMESTAMP WITH TIME ZONE '2024-06-01 12:00:00+02' as launch_at,
    created_at
from events
