select * replace (amount / 100 as amount, lower(email) as email)
from payments
