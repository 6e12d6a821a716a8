-- dialect: ansi
select a # b, #1 from t;
