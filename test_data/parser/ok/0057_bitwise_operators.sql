select
    flags & 4 as has_flag_4,
    flags | 1 as with_flag_1,
    flags << 2 as shifted_left,
    flags >> 1 as shifted_right,
    ~flags as inverted
from feature_flags
