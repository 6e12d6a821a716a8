select *
from (
    select *
    from (
        select id, amount from payments where amount > 0
    ) inner_q
    where id > 10
) outer_q
