-- expect: stray `as b` in WHERE on line 2 (aliases are not allowed here)
select * from t where a = 1 as b order by a;
