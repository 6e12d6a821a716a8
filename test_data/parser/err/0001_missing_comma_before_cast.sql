-- expect: missing comma between `count(*)` and `cast(total as int)` in the select list on line 2; GROUP BY after it stays intact
select id, count(*) cast(total as int) from orders group by id;
