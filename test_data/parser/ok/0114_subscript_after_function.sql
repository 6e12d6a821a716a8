select
    string_split(email, '@')[2] as email_domain,
    regexp_extract_all(notes, '\d+')[1:3] as first_numbers
from customers
