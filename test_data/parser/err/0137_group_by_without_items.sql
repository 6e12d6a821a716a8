-- expect: GROUP BY with no expressions on line 2: `having` follows
select a from t group by having count(*) > 1;
