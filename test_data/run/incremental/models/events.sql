SELECT id, ts, v FROM src.events
