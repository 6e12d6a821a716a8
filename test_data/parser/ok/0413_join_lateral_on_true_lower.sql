select u.id, l.*
from users u
left join lateral (select * from logins where logins.user_id = u.id order by ts desc limit 1) l on true
