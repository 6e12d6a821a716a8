-- expect: BETWEEN missing upper bound after `and` on line 2: `order by` follows
select * from t where a between 1 and order by a;
