-- expect: CTE missing its name on line 2: `as` follows `with`
with as (select 1) select 1;
