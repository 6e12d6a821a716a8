-- JSON arrows outside function arguments never start a lambda; inside, a literal path keeps them JSON
select
    list_transform(tags, x -> upper(x)) as upper_tags,
    json_extract_string(payload -> 'user', '$.name') as user_name,
    coalesce(payload -> 'a', payload -> 0) as first_value
from events
where payload -> 'kind' = '"click"' and payload ->> 'id' is not null
order by payload -> 'ts' desc
