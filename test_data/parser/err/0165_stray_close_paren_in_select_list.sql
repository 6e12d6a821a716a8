-- expect: stray `)` after `a` in the select list on line 2
select a) from t;
select 1;
