-- expect: file ends right after `group by` on line 2
select a from t group by