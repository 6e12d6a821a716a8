-- dialect: ansi
-- expect: QUALIFY is not in ANSI SQL
select a, row_number() over (order by b) as rn from t qualify rn = 1;
