-- expect: second JOIN on line 4 has no table: `on` follows; WHERE on line 5 stays intact
select *
from a
join b on a.id = b.id
join on b.id = c.id
where a.x = 1;
