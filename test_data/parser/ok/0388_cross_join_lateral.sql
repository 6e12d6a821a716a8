select t.id, u.val
from tags t
cross join lateral (select unnest(t.values) as val) u
