-- expect: empty CTE body `()` on line 2
with c as () select 1;
