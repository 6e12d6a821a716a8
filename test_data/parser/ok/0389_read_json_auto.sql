SELECT * FROM read_json_auto('raw/events/*.json') ev
