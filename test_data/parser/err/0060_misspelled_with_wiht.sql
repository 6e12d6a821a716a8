-- expect: misspelled WITH as `wiht` on line 2
wiht c as (select 1) select * from c;
