SELECT *
FROM quarterly
UNPIVOT (revenue FOR quarter IN (q1, q2, q3, q4)) AS u
