-- expect: unterminated E-string on line 2: `\'` escapes the quote, so the string never closes
select e'abc\' from t;
select 1;
