-- expect: CREATE TABLE column list without parentheses on line 2
create table t a int, b int;
select 1;
