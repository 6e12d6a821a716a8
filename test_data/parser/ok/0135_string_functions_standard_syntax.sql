select
    substring(sku from 1 for 3) as prefix,
    position('-' in sku) as dash_pos,
    trim(both ' ' from name) as name_trim,
    trim(leading '0' from code) as code_clean
from products
