-- expect: unclosed `(` of `upper(` on line 2: `trim(name)` is closed but `upper(` is not
select upper(trim(name) from users;
