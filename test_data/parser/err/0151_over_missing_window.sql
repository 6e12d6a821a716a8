-- expect: OVER with nothing after it on line 2: `from` follows `over`
select sum(x) over from t;
