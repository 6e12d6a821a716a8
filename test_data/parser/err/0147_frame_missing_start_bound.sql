-- expect: window frame missing start bound: `and` follows `between` on line 2
select sum(x) over (order by a rows between and current row) from t;
