select
    email collate nocase as email_ci,
    (first_name || last_name) collate noaccent.nocase as name_key
from customers
