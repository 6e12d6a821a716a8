-- expect: unclosed `(` of `exists (` on line 2; the subquery runs into `and t.x > 0` on line 3 and `;`
select * from t where exists (select 1 from u where u.id = t.id
and t.x > 0;
select 1;
