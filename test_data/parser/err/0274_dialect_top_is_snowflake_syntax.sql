-- dialect: bigquery
-- expect: TOP is Snowflake syntax
select top 10 a from t;
