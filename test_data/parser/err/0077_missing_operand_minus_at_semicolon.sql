-- expect: missing right operand of `-` on line 2; next statement is valid
select 1 -;
select 2;
