-- expect: misspelled SELECT as `SLECT` on line 2; the FROM/WHERE on lines 3-4 belong to the broken statement, the statement on line 5 is valid
SLECT a, b
FROM t
WHERE a > 1;
SELECT 1;
