select * from t1, t2, t3 where t1.id = t2.t1_id and t2.id = t3.t2_id
