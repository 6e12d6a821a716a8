-- expect: misspelled DESC as `dsc` after the ORDER BY item `a` on line 2
select a from t order by a dsc;
select 1;
