-- expect: missing pattern after `like` in WHERE on line 2
select a from t where b like;
select 1;
