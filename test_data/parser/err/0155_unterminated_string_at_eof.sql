-- expect: unterminated string literal `'abc` at end of file on line 2 (no trailing newline)
select 'abc