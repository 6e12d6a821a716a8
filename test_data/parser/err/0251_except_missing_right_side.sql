-- expect: EXCEPT on line 2 has no right side: `order by` follows
select a from t except order by a;
