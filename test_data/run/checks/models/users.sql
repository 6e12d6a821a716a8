SELECT id, email, amount, updated_at FROM src.users
