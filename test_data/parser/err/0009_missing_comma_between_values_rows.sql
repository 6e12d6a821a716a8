-- expect: missing comma between VALUES rows `(1, 2)` and `(3, 4)` on line 2
insert into t values (1, 2) (3, 4);
select * from t;
