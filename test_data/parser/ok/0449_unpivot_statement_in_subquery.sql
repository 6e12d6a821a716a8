SELECT metric, avg(val) AS avg_val
FROM (UNPIVOT metrics ON cpu, mem, disk INTO NAME metric VALUE val)
GROUP BY metric
