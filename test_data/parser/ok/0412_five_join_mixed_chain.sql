select *
from a
inner join b on a.id = b.a_id
left outer join c on b.id = c.b_id
right join d on c.id = d.c_id
full outer join e on d.id = e.d_id
cross join f
