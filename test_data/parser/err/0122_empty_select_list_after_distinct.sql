-- dialect: ansi
-- expect: empty select list after DISTINCT on line 3 (ansi)
select distinct from t;
