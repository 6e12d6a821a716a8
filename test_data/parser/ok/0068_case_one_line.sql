select case when a then 1 when b then 2 end + 1 as x, case x when 1 then 'one' end || '!' as y from t
