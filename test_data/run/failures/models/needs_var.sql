SELECT n FROM ok WHERE n > @var(min_n)
