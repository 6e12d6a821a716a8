select d.date_day, s.store_id from dim_dates d cross join dim_stores s
