-- expect: INNER JOIN on line 2 has no table: `;` follows
select * from a inner join;
select 1;
