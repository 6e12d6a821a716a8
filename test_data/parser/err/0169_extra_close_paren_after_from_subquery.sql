-- expect: extra `)` after the FROM subquery on line 2; alias `s` follows it
select * from (select 1 as x) ) s;
