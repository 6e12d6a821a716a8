-- expect: missing comma between string literals `'a'` and `'b'` on the same line 2 (no newline, so no implicit concatenation)
select 'a' 'b' from t;
