-- expect: struct literal on line 2 missing `:` between `'a'` and `1`
select {'a' 1} from t;
