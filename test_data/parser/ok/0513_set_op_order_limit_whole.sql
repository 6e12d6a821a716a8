select id, ts from web_events
union all
select id, ts from app_events
order by ts desc
limit 100
