-- unterminated dollar-quoted strings
select $$abc
select 1;
