SELECT region, channel, grouping_id(region, channel) AS gid, sum(amount)
FROM sales
GROUP BY CUBE (region, channel)
ORDER BY gid
