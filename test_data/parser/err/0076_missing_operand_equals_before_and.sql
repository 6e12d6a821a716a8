-- expect: missing right operand of `=` in WHERE on line 2: `and` follows it; `b = 2` stays intact
select * from t where a = and b = 2;
