-- expect: unclosed `(` of the FROM subquery on line 2: `)` expected before `;`
select * from (select a from t s;
select 1;
