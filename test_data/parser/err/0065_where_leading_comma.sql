-- expect: stray `,` right after `where` on line 2
select * from t where , a = 1;
