-- expect: BETWEEN missing `and <upper>` on line 2
select * from t where a between 1;
select 1;
