select region, channel, count(*) as n from sales group by cube (region, channel)
