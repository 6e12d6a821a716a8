select *
from read_csv('data/orders.csv', header => true, delim => ',')
