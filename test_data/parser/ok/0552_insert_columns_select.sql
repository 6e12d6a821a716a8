insert into audit.runs (run_id, started_at) select gen_random_uuid(), now()
