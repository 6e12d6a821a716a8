-- expect: missing comma between column definitions `a int` and `b int` on line 2
create table t (a int b int);
select * from t;
