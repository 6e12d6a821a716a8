SELECT 1 AS "k""; DROP TABLE wh.main.keep; --", 'v' AS "it's"
