-- dialect: databricks
-- expect: ASOF JOIN is DuckDB syntax
select * from trades asof join quotes on trades.ts >= quotes.ts;
