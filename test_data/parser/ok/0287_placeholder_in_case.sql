-- dialect: duckdb
select
    case
        when region = @var(region) then 'target'
        when created_at >= @start_date then 'recent'
        else @var(default_bucket, 'other')
    end as bucket
from orders
