-- expect: unclosed `(` in the ON condition on line 2: `)` expected before `where`
select * from a join b on (a.id = b.id where a.x = 1;
