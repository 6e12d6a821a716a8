-- expect: file ends right after `where` on line 2 (no condition, no trailing newline)
select a from t where