-- expect: `@my_macro(1,` on line 2 has a trailing comma and no `)`
select @my_macro(1, from t;
