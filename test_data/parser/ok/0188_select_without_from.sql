select 1 + 1 as two, 'x' as label, current_date as today
