-- expect: CAST without parentheses on line 2: `(` expected after `cast`
select cast a as int from t;
