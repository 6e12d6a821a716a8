-- expect: file ends right after `=` on line 3
select a from t
where a =