-- brackets, braces, dots, colons, semicolons
select {'a': [1, 2], 'b': {'c': 3}}.a[1], t.*, (1), l[1:2], l[:-1];
;
