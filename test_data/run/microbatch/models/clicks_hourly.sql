SELECT id, ts FROM src.clicks WHERE ts >= @start_date AND ts < @end_date
