-- dialect: ansi
-- expect: `#` is not a valid token in ansi, between `a` and `b` on line 3
select a # b from t;
select 1;
