-- expect: extra `)` after `(a + b)` on line 2
select (a + b)) * c from t;
