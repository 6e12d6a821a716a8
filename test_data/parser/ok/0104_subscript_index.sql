select
    tags[1] as first_tag,
    tags[-1] as last_tag,
    line_amounts[len(line_amounts)] as final_amount
from orders
