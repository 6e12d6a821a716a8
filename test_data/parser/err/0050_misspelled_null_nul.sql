-- expect: misspelled NULL as `nul` after `is` on line 2; ORDER BY stays intact
select a from t where b is nul order by a;
