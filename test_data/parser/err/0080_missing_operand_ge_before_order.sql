-- expect: missing right operand of `>=` in WHERE on line 2: `order by` follows it
select a from t where b >= order by a;
