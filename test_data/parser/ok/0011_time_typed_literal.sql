select *
from shifts
where start_time between TIME '09:00:00' and time '17:30:00'
