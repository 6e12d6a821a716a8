CREATE TABLE raw.events (
    event_id UUID NOT NULL,
    payload JSON,
    tags VARCHAR[],
    ctx STRUCT(ip VARCHAR, ua VARCHAR, geo STRUCT(lat DOUBLE, lon DOUBLE)),
    counters MAP(VARCHAR, BIGINT),
    PRIMARY KEY (event_id)
)
