-- expect: struct literal on line 2: entry `'b'` has no `:` and no value
select {'a': 1, 'b'} from t;
