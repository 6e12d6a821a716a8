-- expect: OVER without parentheses on line 2: `(` expected before `order by`
select row_number() over order by a from t;
