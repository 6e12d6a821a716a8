-- expect: ORDER without BY on line 2; LIMIT stays intact
select a from t order a limit 1;
