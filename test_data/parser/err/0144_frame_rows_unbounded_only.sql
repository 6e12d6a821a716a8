-- expect: window frame `rows unbounded` missing PRECEDING on line 2
select sum(x) over (order by a rows unbounded) from t;
