-- expect: LIMIT on line 2 has no value: `offset` follows
select a from t limit offset 5;
