-- expect: unclosed `(` of `varchar(10` in CREATE TABLE on line 2
create table t (a varchar(10, b int);
select 1;
