-- expect: INSERT on line 2 has a column list but no VALUES or query
insert into t (a, b);
select 1;
