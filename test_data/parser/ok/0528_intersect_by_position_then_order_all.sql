select a, b from t1 intersect select a, b from t2 order by all
