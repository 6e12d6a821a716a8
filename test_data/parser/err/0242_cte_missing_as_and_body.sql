-- expect: CTE `c` missing AS and body on line 2: `select` follows the name
with c select * from t;
