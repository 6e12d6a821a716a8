-- expect: WITH on line 2 has no main query: `;` follows the CTE
with c as (select 1);
select 1;
