-- dialect: bigquery
-- expect: BigQuery spells it EXCEPT
select * exclude (a) from t;
