-- string literals with '' escapes
select 'abc', '', 'it''s', '''', 'a''''b', 'größe 🦆 →', 'multi
line';
