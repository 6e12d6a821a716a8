-- expect: keyword FROM as the argument of `max(` on line 2
select max(from) from t;
