-- expect: LEFT JOIN on line 2 has no table: `where` follows `join`; WHERE stays intact
select * from a left join where a.x = 1;
