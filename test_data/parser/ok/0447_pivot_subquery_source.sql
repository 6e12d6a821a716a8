select *
from (select region, product, amount from sales)
pivot (sum(amount) for product in ('widget', 'gadget'))
