-- expect: full-width comma `，` instead of `,` between `a` and `b` on line 2
select a，b from t;
