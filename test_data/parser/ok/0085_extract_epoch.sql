select
    extract(epoch from created_at) as created_epoch,
    extract(epoch from (ended_at - started_at)) / 60 as duration_min
from sessions
