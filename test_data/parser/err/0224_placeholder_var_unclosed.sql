-- expect: unclosed `(` of `@var(` on line 2: `)` expected before `from`
select @var(x from t;
