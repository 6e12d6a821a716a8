-- expect: missing right operand of `+` on line 2: `from` follows it
select a + from t;
