-- expect: missing comma between struct literals `{'a': 1}` and `{'b': 2}` on line 2
select {'a': 1} {'b': 2} from t;
