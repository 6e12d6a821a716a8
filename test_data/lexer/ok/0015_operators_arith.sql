-- arithmetic operators
select a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a ^ b, -a, +a from t;
