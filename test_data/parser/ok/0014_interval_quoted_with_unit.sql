select *
from sessions
where ended_at - started_at > INTERVAL '2' HOUR
