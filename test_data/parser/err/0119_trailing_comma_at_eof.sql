-- dialect: ansi
-- expect: select list ends with `,` and the file ends on line 3 (ansi, no trailing newline)
select a,