-- expect: dangling NOT in the constraint of column `a` on line 2: NULL expected
create table t (a int not, b int);
