-- dialect: ansi
/* outer /* nested */ still a comment */
select
    customer_id, /* a /* b */ c */ amount
from orders
