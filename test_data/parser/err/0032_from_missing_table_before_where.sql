-- expect: FROM on line 2 has no table: `where` follows `from` directly; WHERE clause stays intact
select a from where x = 1;
