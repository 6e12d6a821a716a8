-- expect: misspelled JOIN as `jion` after `left` on line 2; ON and WHERE stay intact
select * from t1 left jion t2 on t1.id = t2.id where t1.x = 1;
