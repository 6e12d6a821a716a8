-- expect: misspelled SELECT as `selec` on line 2; next statement is valid
selec * from t;
select 1;
