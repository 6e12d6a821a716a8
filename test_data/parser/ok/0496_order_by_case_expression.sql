select * from tickets
order by case priority when 'high' then 1 when 'medium' then 2 else 3 end, created_at
