-- expect: keyword SELECT where a select item should be on line 2
select select from t;
select 1;
