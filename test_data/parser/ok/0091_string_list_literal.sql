select ['a'] as single, ['vip', 'beta', 'early''bird'] as cohorts
from customers
