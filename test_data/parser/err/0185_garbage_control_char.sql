-- expect: control character U+0007 (BEL) between `a` and `from` on line 2
select a  from t;
select 1;
