-- expect: misspelled WHERE as `wher` on line 2: `wher` reads as table alias, then `b = 1` is unexpected; ORDER BY stays intact
select a from t wher b = 1 order by a;
