-- expect: INSERT missing VALUES before the row `(1, 2)` on line 2
insert into t (a, b) (1, 2);
select 1;
