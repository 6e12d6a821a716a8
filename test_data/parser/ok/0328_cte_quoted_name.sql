WITH "Order Totals" AS (
    SELECT "Customer ID", sum("Amount") AS "Total" FROM "Raw Orders" GROUP BY 1
)
SELECT * FROM "Order Totals"
