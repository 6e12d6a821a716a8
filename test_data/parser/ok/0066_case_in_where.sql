select *
from orders
where case when is_test then false else amount > 0 end
  and (case status when 'void' then 0 else 1 end) = 1
