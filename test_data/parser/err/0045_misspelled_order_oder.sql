-- expect: misspelled ORDER as `oder` on line 2: `oder` reads as table alias, then `by a` is unexpected
select a from t oder by a;
select 1;
