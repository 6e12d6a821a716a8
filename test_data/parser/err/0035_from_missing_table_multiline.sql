-- expect: FROM on line 3 has no table: ORDER BY on line 4 follows directly
select a
from
order by a;
