-- expect: missing THEN between `a = 1` and `'one'` in CASE on line 2
select case when a = 1 'one' else 'other' end from t;
