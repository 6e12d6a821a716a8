select 1 /* comment
more text
