-- expect: missing right operand of `-` at the end of line 3; FROM on line 4 follows
select
    price -
from items;
