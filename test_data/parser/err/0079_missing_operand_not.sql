-- expect: missing operand of `not` in WHERE on line 2; next statement is valid
select * from t where not;
select 1;
