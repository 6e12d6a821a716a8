select
    /*
     * multi-line header
     * with stars
     */
    order_id,
    amount * /* inline */ 2 as doubled
from orders
