select x.a, x.b from pairs as x(a, b)
