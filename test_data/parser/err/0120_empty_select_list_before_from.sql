-- dialect: ansi
-- expect: empty select list on line 3: `from` follows `select` (ansi); next statement is valid
select from t;
select 1;
