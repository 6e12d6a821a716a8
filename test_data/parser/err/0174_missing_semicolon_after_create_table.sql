-- expect: missing `;` between the CREATE TABLE on line 2 and the SELECT on line 3
create table t (a int)
select * from t;
