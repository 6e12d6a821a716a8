-- dialect: bigquery
-- expect: unclosed `(` of `unnest(` on line 3: `)` expected before `;`
select * from t where a in unnest([1, 2);
select 1;
