-- dialect: snowflake
SELECT t.id, f.index, f.value
FROM src t, TABLE(FLATTEN(input => t.tags)) f
