-- unterminated double-quoted identifier
select "abc from t;
select 1;
