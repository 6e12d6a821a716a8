-- backslash escapes the closing quote
select e'abc\' from t;
