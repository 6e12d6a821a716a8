-- expect: misspelled SELECT as `selct` on line 2; next statement is valid
selct a from t;
select 1;
