SELECT id FROM orders WHERE status = 'paid' AND amount > 100
