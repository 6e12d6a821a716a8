-- expect: second `=` in `a = = 1` in WHERE on line 2: expression missing between the two `=`
select * from t where a = = 1 order by a;
