-- expect: lambda `x -> ` missing its body on line 2; WHERE stays intact
select list_filter(l, x -> ) from t where y = 1;
