select
    'abcdef'[2:4] as mid,
    sku[1:3] || '-' || sku[4:] as reformatted
from products
