-- expect: INSERT INTO on line 2 has no table: `values` follows `into`
insert into values (1, 2);
