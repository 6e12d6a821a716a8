-- expect: the `(` opened by `sum(` on line 3 is never closed: `0)` on line 9 closes `coalesce(`, so `)` is expected before `as total`; FROM on line 10 follows
select
    sum(
        coalesce(
            case
                when (a > 0 and (b < 1)) then (a * (b + 1))
                else 0
            end,
    0) as total
from t;
