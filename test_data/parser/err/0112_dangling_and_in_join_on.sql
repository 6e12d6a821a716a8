-- expect: dangling AND in the JOIN ON condition before `where` on line 2; WHERE stays intact
select * from a join b on a.id = b.id and where a.x = 1;
