CREATE SCHEMA IF NOT EXISTS raw__app;

CREATE OR REPLACE TABLE raw__app.users (
    user_id    BIGINT PRIMARY KEY,
    email      VARCHAR NOT NULL,
    plan       VARCHAR,
    created_at TIMESTAMP NOT NULL
);

CREATE OR REPLACE TABLE raw__app.events (
    event_id    BIGINT PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    event_type  VARCHAR NOT NULL,
    occurred_at TIMESTAMP NOT NULL
);
