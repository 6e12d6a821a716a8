select e.*, p.price
from events e
asof left join prices p on e.symbol = p.symbol and e.event_time >= p.valid_from
