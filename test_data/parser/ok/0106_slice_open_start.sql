select tags[:2] as first_two, name[:1] as initial
from customers
