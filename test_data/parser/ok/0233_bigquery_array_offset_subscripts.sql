-- dialect: bigquery
select
    tags[offset(0)] as first_tag,
    tags[safe_offset(5)] as sixth_tag,
    tags[ordinal(1)] as first_tag_again
from customers
