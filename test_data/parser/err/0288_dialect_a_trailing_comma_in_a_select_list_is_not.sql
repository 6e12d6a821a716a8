-- dialect: snowflake
-- expect: a trailing comma in a select list is not Snowflake syntax
select a, from t;
