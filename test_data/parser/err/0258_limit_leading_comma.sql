-- expect: LIMIT on line 2 starts with `,`
select a from t limit , 10;
