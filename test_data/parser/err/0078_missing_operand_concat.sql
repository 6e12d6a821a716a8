-- expect: missing right operand of `||` on line 2
select a || from t;
