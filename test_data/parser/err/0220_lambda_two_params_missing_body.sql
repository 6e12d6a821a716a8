-- expect: lambda `(x, y) ->` missing its body on line 2
select list_reduce(l, (x, y) -> ) from t;
