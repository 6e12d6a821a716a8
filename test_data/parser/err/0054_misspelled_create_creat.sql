-- expect: misspelled CREATE as `creat` on line 2; next statement is valid
creat table t (a int);
select 1;
