-- expect: ON condition on line 2 missing the right side of `=`: `order by` follows
select * from a join b on a.id = order by 1;
