-- expect: unclosed `(` of the IN list on line 2: `)` expected before `group by` on line 3
select a from t where b in (1, 2, 3
group by a;
