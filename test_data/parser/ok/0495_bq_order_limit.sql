-- dialect: bigquery
SELECT name, score FROM `proj.ds.leaderboard` ORDER BY score DESC NULLS LAST LIMIT 100
