-- dialect: databricks
-- expect: FROM on line 3 has no table: `where` follows (databricks)
select a from where b = 1;
select 1;
