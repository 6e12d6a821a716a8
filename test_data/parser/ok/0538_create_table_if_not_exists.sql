CREATE TABLE IF NOT EXISTS audit.runs (
    run_id UUID PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status VARCHAR DEFAULT 'running'
)
