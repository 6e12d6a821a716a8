---
nmae = "x"
---
SELECT 1
