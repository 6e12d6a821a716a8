-- expect: one `)` missing in the nested boolean WHERE on line 2: the outermost `(` is never closed
select * from t where (((a = 1 and (b = 2 or c = 3)) or d = 4) and e = 5;
