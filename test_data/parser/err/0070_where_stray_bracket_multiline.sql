-- expect: stray `]` at the start of line 4 inside WHERE; LIMIT on line 5 stays intact
select * from t
where a > 1
  ] and b < 2
limit 5;
