-- expect: window frame missing end bound after `and` on line 2
select sum(x) over (order by a range between current row and) from t;
