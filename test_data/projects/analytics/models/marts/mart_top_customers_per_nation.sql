-- The three most valuable customers of each nation and their gap to the leader.
SELECT
    nation_name,
    customer_key,
    customer_name,
    lifetime_net,
    order_count,
    row_number() OVER (PARTITION BY nation_name ORDER BY lifetime_net DESC, customer_key) AS nation_rank,
    first_value(lifetime_net) OVER (PARTITION BY nation_name ORDER BY lifetime_net DESC) - lifetime_net AS gap_to_leader
FROM int_customer_orders
WHERE order_count > 0
QUALIFY nation_rank <= 3
