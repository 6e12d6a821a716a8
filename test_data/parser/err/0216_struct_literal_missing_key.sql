-- expect: struct literal on line 2 missing the key before `:`
select {: 1} from t;
