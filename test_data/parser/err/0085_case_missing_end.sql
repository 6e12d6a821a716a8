-- expect: missing END of CASE on line 2: `from` follows `else 'other'`
select case when a = 1 then 'one' else 'other' from t;
