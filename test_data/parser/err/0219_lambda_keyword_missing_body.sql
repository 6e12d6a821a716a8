-- expect: lambda `lambda x:` missing its body on line 2
select list_transform(l, lambda x: ) from t;
