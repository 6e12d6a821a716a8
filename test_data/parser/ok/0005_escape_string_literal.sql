select
    customer_id,
    E'line one\nline two' as multiline_note,
    e'tab\tseparated' as tabbed
from customers
