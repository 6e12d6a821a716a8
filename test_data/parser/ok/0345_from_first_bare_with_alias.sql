FROM range(5) t(i)
