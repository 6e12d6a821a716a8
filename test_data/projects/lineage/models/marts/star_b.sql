SELECT * FROM star_a
