-- dialect: snowflake
select
    regexp_substr(sku, '[0-9]+') as sku_number,
    sku regexp '^SKU-[0-9]+$' as well_formed,
    equal_null(cur.email, prev.email) as email_same,
    cur.email is distinct from prev.email as email_changed
from cur
join prev on cur.id = prev.id
