-- expect: unterminated quoted identifier in the alias `"my col` on line 2
select a as "my col from t where x = 1;
