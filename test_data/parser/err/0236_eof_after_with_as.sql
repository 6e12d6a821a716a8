-- expect: file ends right after `with x as` on line 2: CTE body and main query missing
with x as