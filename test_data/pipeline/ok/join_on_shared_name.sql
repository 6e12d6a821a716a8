SELECT customers.name, regions.region FROM customers JOIN regions ON country = regions.code
