-- expect: GROUP without BY on line 2
select a, count(*) from t group a;
select 1;
