-- expect: PRIMARY without KEY in column `a` on line 2
create table t (a int primary, b int);
