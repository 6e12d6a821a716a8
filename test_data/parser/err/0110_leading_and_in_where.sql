-- expect: leading AND right after `where` on line 2
select * from t where and a = 1;
