-- expect: dangling OR before `group by` on line 2
select a from t where a = 1 or group by a;
