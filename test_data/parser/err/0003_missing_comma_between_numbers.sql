-- expect: missing commas between the numeric literals `1`, `2` and `3` on line 2; next statement is valid
select 1 2 3;
select 4, 5, 6;
