-- expect: FROM list on line 2 starts with `,`: table missing before `, t2`
select * from , t2 where x = 1;
