-- expect: file ends right after `join` on line 2: join target missing
select a from t join