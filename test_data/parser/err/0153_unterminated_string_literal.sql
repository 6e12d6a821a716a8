-- expect: unterminated string literal starting at `'abc` on line 2; it swallows the rest of the file
select 'abc from t;
select 1;
