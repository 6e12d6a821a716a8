-- expect: OFFSET on line 2 has no value
select a from t limit 10 offset;
