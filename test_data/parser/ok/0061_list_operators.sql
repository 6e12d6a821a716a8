select
    tags && ['vip', 'beta'] as overlaps,
    tags @> ['vip'] as contains_vip,
    ['a'] <@ tags as contained,
    tags || ['extra'] as tags_plus
from customers
