select
    MAP(['a'], [1]) as m1,
    map(['small', 'large'], [10, 1000]) as thresholds
from settings
