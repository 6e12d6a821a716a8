select id from a
union all
select id from b
except
select id from c
intersect
select id from d
