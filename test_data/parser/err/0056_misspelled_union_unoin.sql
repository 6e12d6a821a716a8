-- expect: misspelled UNION as `unoin` on line 2: `unoin` reads as alias of `1`, then a second `select` follows without `;`
select 1 unoin select 2;
