select
    "Prénom" as first_name,
    "数量" as qty,
    "col with spaces and  tabs"
from customers
