SELECT id, name, updated_at FROM src.people
