-- dialect: ansi
-- expect: empty select list on line 3: `;` follows `select` (ansi)
select;
select 1;
