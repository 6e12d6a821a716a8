select * from fact_sales f join dim_store_day d using (store_id, date_day)
