-- expect: INSERT on line 2 has no VALUES or query: `;` follows the table
insert into t;
select 1;
