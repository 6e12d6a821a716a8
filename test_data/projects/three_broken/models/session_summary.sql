SELECT user_id, count(*) AS sessions, max(gap) AS longest_gap
FROM user_sessions
GROUP BY user_id
