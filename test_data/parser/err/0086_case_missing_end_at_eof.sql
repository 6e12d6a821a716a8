-- expect: CASE on line 2 is never closed: file ends after `then 'x'` (no trailing newline)
select case a when 1 then 'x'