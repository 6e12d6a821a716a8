-- expect: unclosed `(` of the CTE body opened on line 2: `)` expected before the main `select` on line 4
with c as (
    select 1 as x
select * from c;
