CREATE TABLE type_zoo (
    i INTEGER,
    b BIGINT,
    v VARCHAR,
    v255 VARCHAR(255),
    dec DECIMAL(12,2),
    d DOUBLE,
    flag BOOLEAN,
    dt DATE,
    ts TIMESTAMP,
    tstz TIMESTAMPTZ,
    uid UUID,
    doc JSON,
    ints INTEGER[],
    s STRUCT(a INT, b VARCHAR),
    m MAP(VARCHAR, INTEGER),
    raw BLOB
)
