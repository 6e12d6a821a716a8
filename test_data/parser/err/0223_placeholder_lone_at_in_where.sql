-- expect: lone `@` without a name after `>` in WHERE on line 2
select * from t where d > @ and e < 1;
