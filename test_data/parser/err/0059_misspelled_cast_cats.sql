-- expect: misspelled CAST as `cats` on line 2: parsed as a call, so `as int` inside the arguments is unexpected
select cats(a as int) from t;
