-- expect: GROUP without BY on line 3: ORDER BY on line 4 follows
select a from t
group
order by a;
