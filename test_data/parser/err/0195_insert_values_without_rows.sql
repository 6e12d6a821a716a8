-- expect: VALUES on line 2 has no rows: `;` follows
insert into t values;
select 1;
