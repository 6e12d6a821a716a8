-- expect: missing THEN in the second WHEN branch (`when b 2`) on line 2
select case when a then 1 when b 2 end from t;
