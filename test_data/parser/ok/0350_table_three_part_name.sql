select * from analytics_db.staging.stg_orders
