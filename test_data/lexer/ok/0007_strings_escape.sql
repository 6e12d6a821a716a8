-- E'..' strings with backslash escapes
select E'a\nb', e'it\'s', E'\\', E'tab\there', e'', E'\x41\u00e9';
