-- expect: unclosed `(` in `(a + b` on line 2: `)` expected before `from`; next statement is valid
select (a + b from t;
select 1;
