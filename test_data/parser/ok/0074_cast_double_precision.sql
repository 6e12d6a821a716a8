select cast(amount as double precision) as amount_dp,
       amount::double precision / 100 as dollars
from payments
