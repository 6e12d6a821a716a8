select
    a + b * c - d / e % f as arith,
    a || b || c = 'xyz' and not d > e or f between 1 and 2 as logic,
    -a::int + 1 as cast_then_neg
from t
