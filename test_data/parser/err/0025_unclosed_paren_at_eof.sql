-- expect: unclosed `(` of `max(` on line 2; file ends right after `a` (no trailing newline)
select max(a