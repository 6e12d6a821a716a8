-- expect: lone `@` without a name in the select list on line 2
select @ from t;
select 1;
