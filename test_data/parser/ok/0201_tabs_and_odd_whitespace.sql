select
	customer_id ,
		amount*2   as   doubled,
   sum( amount )over(  partition   by customer_id )as total
from	orders
