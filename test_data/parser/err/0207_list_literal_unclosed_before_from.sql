-- expect: unclosed `[` of the list literal on line 2: `]` expected before `from`
select [1, 2 from t;
