-- expect: statement ends at `;` on line 2, leaving `and b = 2` as a broken statement of its own
select * from t where a = 1; and b = 2;
select 1;
