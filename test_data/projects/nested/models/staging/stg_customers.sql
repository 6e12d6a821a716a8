---toml
# Frontmatter instead of a sidecar; catalog and schema come from staging/_defaults.toml.
intent = "one row per customer, names trimmed and emails lower-cased"

[[tests]]
type = "unique"
column = "customer_id"

[[tests]]
type = "not_null"
column = "full_name"
---
SELECT
    customer_id,
    trim(full_name) AS full_name,
    lower(email) AS email,
    upper(country_code) AS country_code,
    CAST(signed_up_at AS DATE) AS signed_up_on
FROM raw__shop.customers
