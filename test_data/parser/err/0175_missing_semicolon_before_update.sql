-- expect: missing `;` between the SELECT on line 2 and the UPDATE on line 3
select a from t where b = 1
update t set b = 2;
