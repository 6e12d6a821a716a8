-- expect: misspelled BETWEEN as `betwen` on line 2
select a from t where b betwen 1 and 2;
