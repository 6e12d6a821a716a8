-- expect: stray `then` in WHERE on line 2, outside a CASE
select * from t where a = 1 then b = 2;
