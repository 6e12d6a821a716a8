-- expect: unterminated dollar-quoted string starting at `$$` on line 2
select $$abc from t;
select 1;
