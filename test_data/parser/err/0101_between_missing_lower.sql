-- expect: BETWEEN missing lower bound on line 2: `and` follows `between`
select * from t where a between and 5;
