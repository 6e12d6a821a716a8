SELECT * EXCLUDE (discount) FROM star_b
