-- expect: unclosed `(` of `over (` on line 2: `)` expected before `from`
select sum(x) over (partition by y order by z from t;
