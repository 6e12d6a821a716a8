-- dialect: bigquery
-- expect: lambdas are not BigQuery syntax
select list_transform(l, x -> x + 1) from t;
