-- expect: unclosed `(` of OVER on line 3: `)` expected before `from` on line 4
select
    rank() over (partition by a order by b desc
from t
where c = 1;
