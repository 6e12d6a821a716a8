-- expect: outer CASE on line 2 has no END: the inner CASE is closed, then `from` follows
select case when a then case when b then 1 end from t;
