-- dialect: bigquery
select
    numeric '1.25' as rate,
    bignumeric '123456789.123456789' as big,
    json '{"a": 1}' as payload,
    b'abc' as bytes_val
from settings
