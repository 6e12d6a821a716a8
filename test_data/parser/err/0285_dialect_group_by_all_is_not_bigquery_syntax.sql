-- dialect: bigquery
-- expect: GROUP BY ALL is not BigQuery syntax
select a, count(*) from t group by all;
