SeLeCt customer_id, CoUnT(*) As n, Sum(amount) aS total
FrOm orders
WhErE status In ('a', 'b') AnD NOT is_test
GrOuP bY customer_id
