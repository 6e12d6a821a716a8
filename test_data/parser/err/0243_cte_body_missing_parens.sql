-- expect: CTE body without parentheses on line 2: `(` expected after `as`
with c as select 1 as x
select * from c;
