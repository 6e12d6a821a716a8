-- expect: unterminated quoted identifier starting at `"abc` on line 2
select "abc from t;
select 1;
