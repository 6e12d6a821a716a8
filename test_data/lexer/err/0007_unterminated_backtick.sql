-- dialect: databricks
select `abc from t;
