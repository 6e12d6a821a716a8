-- expect: ORDER BY with no expressions on line 2: `limit` follows
select a from t order by limit 5;
