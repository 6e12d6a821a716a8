select
    tags[1:2] as first_two,
    line_amounts[2:len(line_amounts)] as rest
from orders
