-- expect: stray `)` at the start of line 2, before the statement
) select 1;
select 2;
