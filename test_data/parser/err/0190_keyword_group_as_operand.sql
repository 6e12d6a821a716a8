-- expect: reserved keyword GROUP as the right operand of `+` on line 2
select 1 + group from t;
