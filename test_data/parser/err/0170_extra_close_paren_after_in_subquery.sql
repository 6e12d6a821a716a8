-- expect: extra `)` after the IN subquery on line 2; `and c = 1` follows it
select * from t where a in (select b from u)) and c = 1;
