select
    '[1, 2, 3]'::INT[] as ids,
    tags::VARCHAR[] as tag_list,
    matrix::DOUBLE[][] as grid
from products
