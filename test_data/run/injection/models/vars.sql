SELECT @var(label) AS label, @var(n) AS n
