-- expect: empty column list in USING () on line 2
select * from a join b using ();
