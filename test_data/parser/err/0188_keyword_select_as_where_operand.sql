-- expect: keyword SELECT as the right operand of `=` on line 2 (a subquery needs parentheses)
select * from t where a = select;
