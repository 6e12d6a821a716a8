-- expect: misspelled LIMIT as `limt` on line 2: `limt` reads as table alias, then `10` is unexpected
select a from t limt 10;
select 1;
