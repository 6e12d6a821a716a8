SELECT 'stripe' AS src, id, amount FROM stripe.payments
UNION ALL
SELECT 'paypal', id, amount FROM paypal.payments
UNION ALL
SELECT 'adyen', id, amount FROM adyen.payments
UNION ALL
SELECT 'braintree', id, amount FROM braintree.payments
