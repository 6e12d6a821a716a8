-- expect: ORDER without BY and without an expression on line 2: `desc` follows `order`
select a from t order desc;
