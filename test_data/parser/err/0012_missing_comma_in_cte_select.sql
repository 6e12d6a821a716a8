-- expect: missing comma between `max(y)` and `0` in the CTE body select list on line 3; main query on line 5 stays intact
with c as (
    select x, max(y) 0
    from t group by x
)
select * from c;
