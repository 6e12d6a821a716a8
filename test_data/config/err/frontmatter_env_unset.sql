---toml
[target]
catalog = "wh"
schema = "${UNSET_SCHEMA}"
---
SELECT 1
