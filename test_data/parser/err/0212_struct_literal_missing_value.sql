-- expect: struct literal on line 2 missing the value after `'a':`
select {'a': } from t;
