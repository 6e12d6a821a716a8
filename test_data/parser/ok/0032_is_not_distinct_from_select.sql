select
    a.customer_id,
    a.segment is not distinct from b.segment as same_segment
from current_segments a
left join previous_segments b using (customer_id)
