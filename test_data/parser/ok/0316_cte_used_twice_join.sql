with daily as (
    select cast(created_at as date) as day, count(*) as signups
    from users
    group by 1
)
select cur.day, cur.signups, prev.signups as prev_signups
from daily cur
left join daily prev on prev.day = cur.day - 1
