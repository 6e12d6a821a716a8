-- expect: missing `;` between the SELECT on line 2 and the INSERT on line 3
select a from t
insert into u values (1);
