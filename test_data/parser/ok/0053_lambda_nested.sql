select
    list_transform(
        list_filter(nested_scores, l -> len(l) > 0),
        l -> list_transform(l, y -> y + 1)
    ) as bumped
from scores
