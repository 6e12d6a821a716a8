-- expect: JOIN on line 2 has no table: `on` follows `join`
select * from a join on a.id = b.id;
