-- expect: dangling AND at the end of line 3; file ends there
select * from t
where a = 1 and
