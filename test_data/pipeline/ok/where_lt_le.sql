SELECT * FROM orders WHERE amount < 60 AND amount <= 35.5
