-- expect: unclosed `[` at end of file on line 2 (no trailing newline)
select [1, 2