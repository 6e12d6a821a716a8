---
depends_on = ["a"]
---
SELECT 1 AS x
