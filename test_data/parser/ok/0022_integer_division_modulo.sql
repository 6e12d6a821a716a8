SELECT customer_id,
       customer_id // 100 AS shard,
       customer_id % 100 AS slot,
       (amount * 100)::BIGINT // 1 AS cents
FROM customers
