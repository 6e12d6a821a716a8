select *, amount * 2 as doubled, o.*, 'x' as tag
from orders o
