-- expect: FROM inside the subquery on line 2 has no table: `)` follows `from`; outer alias `s` stays intact
select * from (select a from) s;
