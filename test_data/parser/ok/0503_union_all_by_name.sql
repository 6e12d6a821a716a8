FROM events_v1
UNION ALL BY NAME
FROM events_v2
