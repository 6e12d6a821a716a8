-- placeholders / macros
select * from t
where d >= @start_date and d < @end_date
  and @my_macro(1) and x = @var(x) and y = @macro_2(a, 'b', @inner);
