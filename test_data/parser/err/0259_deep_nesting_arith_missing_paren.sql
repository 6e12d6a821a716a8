-- expect: one `)` missing in `((((a + b) * c) - d) / e` on line 2: four `(` but three `)`
select ((((a + b) * c) - d) / e from t;
