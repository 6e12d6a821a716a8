-- expect: missing comma between `1` and `2` inside the VALUES row on line 2
insert into t values (1 2);
select * from t;
