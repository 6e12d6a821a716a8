-- A warehouse table no schema describes: lineage names it as written.
SELECT e.user_id, count(*) AS events, max(e.ts) AS last_seen
FROM web.events AS e
GROUP BY e.user_id
