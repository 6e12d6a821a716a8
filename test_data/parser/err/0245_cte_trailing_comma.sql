-- expect: trailing `,` after the last CTE on line 2: `select` follows
with c as (select 1), select * from c;
