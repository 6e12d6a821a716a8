-- expect: reserved keyword TABLE used as a column in WHERE on line 2
select a from t where table = 1;
