-- expect: missing right operand of `*` inside `round(` on line 2
select round(a * ) from t;
