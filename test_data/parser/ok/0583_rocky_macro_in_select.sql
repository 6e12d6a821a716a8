-- dialect: duckdb

select id, @cents_to_dollars(amount_cents) as amount from raw.payments
