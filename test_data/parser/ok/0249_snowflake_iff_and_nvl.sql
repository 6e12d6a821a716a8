-- dialect: snowflake
select
    iff(amount > 100, 'big', 'small') as size,
    nvl(discount, 0) as discount,
    nvl2(email, 'has_email', 'no_email') as email_flag,
    zeroifnull(refund_amount) as refund_amount,
    div0(amount, quantity) as unit_price
from orders
