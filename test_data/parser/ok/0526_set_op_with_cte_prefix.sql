with x as (select 1 as v)
select v from x
except
select 2
