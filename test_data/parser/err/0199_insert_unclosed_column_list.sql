-- expect: unclosed `(` of the INSERT column list on line 2: `)` expected before `values`
insert into t (a, b values (1, 2);
