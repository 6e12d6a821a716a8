-- dialect: snowflake
-- expect: missing comma between `count(*)` and `5` in the select list on line 3
select a, count(*) 5 from t group by a;
