-- dialect: duckdb

select @coalesce_zero(@cents_to_dollars(amount)) as amount_usd from payments
