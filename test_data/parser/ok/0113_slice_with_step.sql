select
    line_amounts[1:10:2] as every_other,
    tags[2:len(tags):2] as even_positions
from orders
