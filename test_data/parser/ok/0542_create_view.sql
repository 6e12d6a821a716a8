create view reporting.v_orders as select * from mart.fct_orders where amount > 0
