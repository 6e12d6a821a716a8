-- expect: FROM-first query on line 2 has no table: `group by` follows `from` directly
from group by a;
select 1;
