-- expect: missing result expression after THEN in CASE on line 2
select case when a then end from t;
