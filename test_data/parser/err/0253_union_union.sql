-- expect: doubled `union union` on line 2: right side of the first UNION missing
select 1 union union select 2;
