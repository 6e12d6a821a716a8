-- E123: no model `user_activty` (did you mean `user_activity`?).
SELECT plan, count(*) AS retained
FROM user_activty
WHERE last_seen_at > now() - INTERVAL 30 DAY
GROUP BY plan
