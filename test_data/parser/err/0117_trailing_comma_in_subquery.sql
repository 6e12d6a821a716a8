-- dialect: ansi
-- expect: trailing comma after `a` in the subquery select list on line 3 (ansi)
select * from (select a, from t) s;
