-- dialect: ansi
-- expect: trailing comma after `b` in the select list before FROM on line 3 (not allowed in ansi)
select a, b, from t;
