-- expect: unclosed `(` of `@start_date(` on line 2: `)` expected before `order by` on line 3
select * from t where d >= @start_date(
order by d;
