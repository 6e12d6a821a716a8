-- expect: typographic quotes `“name”` instead of `"name"` on line 2
select “name” from t;
