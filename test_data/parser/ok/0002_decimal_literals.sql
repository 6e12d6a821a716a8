SELECT amount * 1.5 AS marked_up,
       amount * .5 AS half,
       amount + 2. AS plus_two,
       0.000001 AS epsilon
FROM orders o
