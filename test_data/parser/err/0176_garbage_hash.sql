-- expect: stray `#` in the select list on line 2
select a, # from t;
