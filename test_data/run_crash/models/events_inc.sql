SELECT id, ts, amount FROM src.events
