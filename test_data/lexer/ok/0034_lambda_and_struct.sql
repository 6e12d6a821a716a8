select list_transform([1, 2], x -> x + 1), list_filter(l, lambda x: x > 0), {'k': 1, 'v': [1]}, map {'a': 1};
