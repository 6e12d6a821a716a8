-- expect: window frame BETWEEN missing AND between `1 preceding` and `current row` on line 2
select sum(x) over (order by a rows between 1 preceding current row) from t;
