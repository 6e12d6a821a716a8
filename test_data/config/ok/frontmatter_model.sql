---toml
# env: SCHEMA=legacy
name = "legacy_orders"

[strategy]
type = "view"

[target]
catalog = "wh"
schema = "${SCHEMA}"
---
SELECT * FROM raw.orders -- ${NOT_SUBSTITUTED}
