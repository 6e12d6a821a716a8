-- final model for customer lifetime value
WITH /* payments source */ PAYMENTS AS (
    SELECT CUSTOMER_ID, AMOUNT FROM RAW.PAYMENTS
),
LTV AS (
    SELECT CUSTOMER_ID, SUM(AMOUNT) AS LIFETIME_VALUE -- sum of all payments
    FROM PAYMENTS
    GROUP BY CUSTOMER_ID
)
SELECT * FROM LTV
