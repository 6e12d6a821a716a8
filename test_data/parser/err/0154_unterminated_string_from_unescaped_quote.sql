-- expect: unescaped `'` in `'O'Brien'` on line 2: `Brien` is unexpected and the final `'` opens an unterminated string
select a from t where name = 'O'Brien';
select 1;
