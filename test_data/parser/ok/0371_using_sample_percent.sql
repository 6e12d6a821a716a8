select * from events using sample 10%
