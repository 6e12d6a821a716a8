-- expect: stray `\` between `a` and `b` on line 2
select a \ b from t;
select 1;
