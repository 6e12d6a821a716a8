-- dialect: bigquery
select
    if(amount > 100, 'big', 'small') as size,
    flags & 4 as has_flag,
    flags | 1 as with_flag,
    flags ^ 2 as toggled,
    flags << 1 as shifted
from feature_flags
