create table raw.customers as select * from read_csv('seeds/raw_customers.csv')
