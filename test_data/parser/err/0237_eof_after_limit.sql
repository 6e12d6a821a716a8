-- expect: file ends right after `limit` on line 2
select a from t order by a limit