-- expect: DELETE FROM on line 2 has no table: `where` follows `from` directly
delete from where id = 1;
select 1;
