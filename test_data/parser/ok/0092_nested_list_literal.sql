select [[1, 2], [3], []] as ragged, [[amount]] as wrapped
from orders
