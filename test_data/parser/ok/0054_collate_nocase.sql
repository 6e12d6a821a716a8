select *
from customers
where name collate nocase = 'alice'
order by city COLLATE nocase
