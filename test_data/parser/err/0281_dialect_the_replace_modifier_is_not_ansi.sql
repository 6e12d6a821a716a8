-- dialect: ansi
-- expect: the REPLACE modifier is not ANSI
select * replace (a + 1 as a) from t;
