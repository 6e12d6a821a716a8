-- expect: misspelled FROM as `FORM` on line 2: `FORM` reads as an alias of `a`, then `t` is unexpected; WHERE stays intact
SELECT a FORM t WHERE b = 1;
