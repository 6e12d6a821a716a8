-- dialect: databricks
-- expect: unterminated backtick identifier starting at `` `a `` on line 3
select `a from t;
