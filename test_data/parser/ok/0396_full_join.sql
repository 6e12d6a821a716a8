select coalesce(a.id, b.id) as id, a.v as a_v, b.v as b_v
from snapshot_a a
full join snapshot_b b on a.id = b.id
