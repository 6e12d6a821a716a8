-- leading comment
select 1; -- trailing comment
--
-- comment with 'quote' and "dq" and /* fake block */
select 2 --no space
;
-- comment at eof without newline