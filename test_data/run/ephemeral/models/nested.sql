SELECT sum(doubled) AS s FROM doubled_twice
