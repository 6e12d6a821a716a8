-- expect: IN missing its list on line 2: `group by` follows `in`
select a from t where b in group by a;
