-- expect: OVER without parentheses on line 2: `(` expected before `partition by`
select sum(x) over partition by y from t;
