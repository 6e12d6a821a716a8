-- dialect: bigquery
-- expect: unterminated backtick identifier starting at `` `proj.ds.tbl `` on line 3
select * from `proj.ds.tbl where x = 1;
select 1;
