-- expect: INTERSECT on line 2 has no right side: file ends (no trailing newline)
select 1 intersect