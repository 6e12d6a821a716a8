select position('-' in sku) as dash_pos, position(lower(x) in lower(name || 'y')) as p from products
