-- expect: missing comma between `a + 1` and the `case` expression on line 2; FROM clause stays intact
select a + 1 case when b then 1 else 0 end from t;
select 2;
