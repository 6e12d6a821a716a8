-- dialect: ansi
select
    substring(sku from 1 for 3) as prefix,
    position('-' in sku) as dash_pos,
    trim(both ' ' from name) as name_trim,
    upper(name) || '-' || lower(sku) as key_text
from products
