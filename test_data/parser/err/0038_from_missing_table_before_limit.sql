-- expect: FROM on line 2 has no table: `limit` follows `from` directly
select a from limit 10;
