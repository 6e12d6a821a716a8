-- expect: unterminated block comment opened on line 2; it swallows the statement on line 3
select 1 /* comment
select 2;
