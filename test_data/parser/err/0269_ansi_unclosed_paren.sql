-- dialect: ansi
-- expect: unclosed `(` of `count(` on line 3 (ansi); GROUP BY stays intact
select a, count(b from t group by a;
