select cast(country_code as varchar(2)) as country, cast(notes as VARCHAR(255)) as notes
from customers
