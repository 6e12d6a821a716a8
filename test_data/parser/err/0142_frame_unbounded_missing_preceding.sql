-- expect: window frame start `unbounded` missing PRECEDING on line 2
select sum(x) over (order by a rows between unbounded and current row) from t;
