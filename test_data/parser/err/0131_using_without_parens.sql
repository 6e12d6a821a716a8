-- expect: USING without parentheses on line 2: `(` expected before `id`
select * from a join b using id;
select 1;
