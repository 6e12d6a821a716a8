-- dialect: snowflake
select v:a.b::string, v['c'], $1, t.$2 from t;
