-- decimals with and without leading/trailing digits
select 1.5, .5, 1., 0.0, 123.456, 00.10;
