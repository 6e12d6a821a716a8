-- dialect: duckdb

select
    id,
    case when @is_test_email(email) then 'test' else 'real' end as kind
from users
