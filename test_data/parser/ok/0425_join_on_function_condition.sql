SELECT * FROM events e JOIN sessions s ON e.user_id = s.user_id AND e.ts BETWEEN s.start_ts AND s.end_ts AND lower(e.host) = lower(s.host)
