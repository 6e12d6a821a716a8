SELECT * FROM orders WHERE (channel = 'app' OR channel = 'store') AND amount > 10
