-- expect: unclosed outer `[` of the nested list literal on line 2: `]` expected before `as`
select [[1, 2], [3, 4] as x from t;
