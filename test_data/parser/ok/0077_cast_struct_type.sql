select
    cast(raw_address as struct(street varchar, zip varchar, lat double)) as address,
    {'a': 1, 'b': 'x'}::STRUCT(a INT, b VARCHAR) as pair
from customers
