select 1 as one, 'two' as two, 3.0 as three
