-- expect: unclosed `(` of `cast(` on line 2: `varchar(10)` is closed, `cast(` is not
select cast(a as varchar(10) from t;
