select *
from ((a join b on a.id = b.id) left join c on b.id = c.id)
join d on d.id = a.id
