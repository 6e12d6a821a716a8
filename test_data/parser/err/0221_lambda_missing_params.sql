-- expect: lambda missing its parameters on line 2: `->` follows `,`
select list_transform(l, -> x + 1) from t;
