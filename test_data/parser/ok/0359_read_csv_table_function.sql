select * from read_csv('data/seeds/customers.csv', header = true)
