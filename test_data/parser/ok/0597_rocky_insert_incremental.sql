-- dialect: duckdb

INSERT INTO mart.fct_events
SELECT * FROM staging.stg_events WHERE event_ts > @start_date
