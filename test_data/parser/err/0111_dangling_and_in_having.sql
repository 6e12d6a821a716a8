-- expect: dangling AND in HAVING before `order by` on line 2
select a, count(*) from t group by a having count(*) > 1 and order by a;
