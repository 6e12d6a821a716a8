-- expect: CTE `c` missing AS on line 2: `(select ...)` is read as a column list
with c (select 1 as x) select * from c;
