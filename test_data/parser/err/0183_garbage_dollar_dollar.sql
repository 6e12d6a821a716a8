-- expect: stray `$$` on line 2: it opens a dollar-quoted string that never closes
select a $$ from t;
