-- expect: unclosed `(` of USING on line 2: `)` expected before `where`
select * from a join b using (id where a.x = 1;
