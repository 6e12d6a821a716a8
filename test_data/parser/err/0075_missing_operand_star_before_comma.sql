-- expect: missing right operand of `*` on line 2: `,` follows it; `b` and FROM stay intact
select a *, b from t;
