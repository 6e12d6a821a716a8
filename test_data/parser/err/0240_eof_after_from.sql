-- expect: file ends right after `from` on line 3
select a
from
