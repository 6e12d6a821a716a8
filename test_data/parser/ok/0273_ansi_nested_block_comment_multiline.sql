-- dialect: ansi
select
    /* level 1
       /* level 2
          /* level 3 */
       */
    */
    order_id
from orders
