-- expect: BETWEEN missing upper bound: file ends after `and` on line 2 (no trailing newline)
select * from t where a between 1 and