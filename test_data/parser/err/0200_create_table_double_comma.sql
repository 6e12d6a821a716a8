-- expect: empty column definition between `,` and `,` in CREATE TABLE on line 2
create table t (a int, , b int);
