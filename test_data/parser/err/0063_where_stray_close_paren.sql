-- expect: stray `)` in WHERE after `a = 1` on line 2; next statement is valid
select * from t where a = 1 ) and b = 2;
select 1;
