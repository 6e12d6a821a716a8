-- expect: DROP takes IF EXISTS, not IF NOT EXISTS (line 2)
drop table if not exists t;
select 1;
