-- expect: missing comma between CTE `c` and CTE `d` on line 2
with c as (select 1) d as (select 2) select * from c, d;
