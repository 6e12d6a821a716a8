select *
from events
qualify row_number() over (partition by user_id order by ts desc) = 1
