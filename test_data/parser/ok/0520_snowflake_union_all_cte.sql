-- dialect: snowflake
with a as (select 1 as id), b as (select 2 as id)
select id from a union all select id from b order by id
