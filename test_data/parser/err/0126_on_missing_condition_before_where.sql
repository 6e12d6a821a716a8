-- expect: ON on line 2 has no condition: `where` follows; WHERE stays intact
select * from a join b on where a.x = 1;
