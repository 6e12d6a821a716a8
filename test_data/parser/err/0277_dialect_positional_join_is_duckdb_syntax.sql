-- dialect: snowflake
-- expect: POSITIONAL JOIN is DuckDB syntax
select * from a positional join b;
