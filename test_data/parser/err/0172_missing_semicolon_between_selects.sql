-- expect: missing `;` between `select 1` on line 2 and `select 2` on line 3
select 1
select 2;
