-- dialect: databricks
select
    cur.email <=> prev.email as same_email,
    cur.amount div 100 as hundreds,
    cur.email is distinct from prev.email as changed
from cur
join prev on cur.id = prev.id
