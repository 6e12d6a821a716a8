SELECT p.k, p.v FROM kv p(k, v)
