---toml
# env: S=staging
[target]
schema = "${S}"
catalog = wh
---
SELECT 1
