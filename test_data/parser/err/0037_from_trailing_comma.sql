-- expect: FROM list on line 2 ends with `,`: table missing after `t,` before `where`
select a from t, where b = 1;
