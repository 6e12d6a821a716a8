create table if not exists meta.load_log (
    id bigint primary key,
    loaded_at timestamp default current_timestamp,
    source varchar not null default 'unknown',
    row_count integer default 0
)
