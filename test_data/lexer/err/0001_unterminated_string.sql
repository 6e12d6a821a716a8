-- unterminated string literal
select 'abc from t;
select 1;
