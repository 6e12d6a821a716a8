-- CRLF line endings
select a,
  b -- comment before CRLF
from t
where s = 'x'
  and c = 1;
/* block
comment */
