-- expect: unclosed `(` of `count(` on line 2: `)` expected before `from`; GROUP BY stays intact
select count(distinct x from t group by y;
select 2;
