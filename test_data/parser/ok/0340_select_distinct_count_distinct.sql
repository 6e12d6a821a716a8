select count(distinct user_id) as users, count(*) as events from events
