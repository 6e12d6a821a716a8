-- expect: unclosed `{` of the struct literal on line 2: `}` expected before `from`
select {'a': 1 from t;
select 1;
