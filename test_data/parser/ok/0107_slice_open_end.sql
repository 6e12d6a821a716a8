select tags[2:] as tail, sku[5:] as sku_suffix
from products
