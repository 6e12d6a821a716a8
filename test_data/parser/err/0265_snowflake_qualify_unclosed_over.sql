-- dialect: snowflake
-- expect: unclosed `(` of OVER in QUALIFY on line 3: `c = 1` is read as the ORDER BY expression, so `)` is expected before `;`
select a from t qualify row_number() over (partition by b order by c = 1;
select 1;
