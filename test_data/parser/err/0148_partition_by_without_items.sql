-- expect: PARTITION BY with no expressions inside OVER on line 2: `order by` follows
select sum(x) over (partition by order by a) from t;
