-- expect: CASE with no WHEN branch on line 2: `end` follows `case` directly
select case end from t;
