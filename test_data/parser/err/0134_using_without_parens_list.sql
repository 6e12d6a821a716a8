-- expect: USING without parentheses around `id, name` on line 2; WHERE stays intact
select * from a join b using id, name where x = 1;
