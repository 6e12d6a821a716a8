-- expect: a lone `$` is not an expression
select $ from t; select $, 1;
