-- expect: misspelled UPDATE as `updte` on line 2; next statement is valid
updte t set a = 1;
select 1;
