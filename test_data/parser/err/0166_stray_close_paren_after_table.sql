-- expect: stray `)` after table `t` on line 2; next statement is valid
select a from t);
select 1;
