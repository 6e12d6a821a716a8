-- expect: unclosed outer `(` opened after `where` on line 2: `)` expected before `order by` on line 3
select a from t where (a = 1 and (b = 2 or c = 3)
order by a;
