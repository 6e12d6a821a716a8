select
    coalesce(*COLUMNS(['email', 'backup_email'])) as email
from customers
