-- dialect: databricks
select
    cast(tags as array<string>) as tags,
    cast(attrs as map<string, int>) as attrs,
    cast(addr as struct<street: string, zip: string>) as address,
    cast(amount as decimal(18, 2)) as amount
from customers
