-- expect: lambda `x ->` missing its body on line 2: `)` follows `->`
select list_transform(l, x ->) from t;
