select id, name from customers_2023
union by name
select name, id, email from customers_2024
