-- expect: `#` is no operator in ANSI SQL
-- dialect: ansi
select a # b, #1 from t;
