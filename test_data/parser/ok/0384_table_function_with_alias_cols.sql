select t.i, t.i * t.i as sq from range(1, 11) t(i)
