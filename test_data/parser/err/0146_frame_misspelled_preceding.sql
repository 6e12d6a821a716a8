-- expect: misspelled PRECEDING as `precedng` in the window frame on line 2
select sum(x) over (order by a rows between 1 precedng and current row) from t;
