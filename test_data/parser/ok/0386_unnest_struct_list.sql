select unnest(items, recursive := true) from (select [{'a': 1, 'b': 2}] as items)
