-- expect: unclosed `(` of the VALUES row on line 2: `)` expected before `;`
insert into t values (1, 2;
select 1;
