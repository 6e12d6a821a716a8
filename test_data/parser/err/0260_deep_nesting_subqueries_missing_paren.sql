-- expect: one `)` missing in nested FROM subqueries on line 2: three `(` but two `)`, the `(` opened after the first `from` is never closed and `)` is expected before `;`
select * from (select * from (select * from (select a from t) x) y;
