-- typed string literals and intervals
select date '2024-01-01', timestamp '2024-01-01 00:00:00', interval '1 day', interval 3 hours, '\xAA'::blob;
