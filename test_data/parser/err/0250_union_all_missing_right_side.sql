-- expect: UNION ALL on line 2 has no right side
select 1 union all;
select 2;
