-- expect: extra `)` after the CTE body on line 2
with c as (select 1)) select * from c;
