-- expect: misspelled INSERT as `insrt` on line 2; next statement is valid
insrt into t values (1);
select 1;
