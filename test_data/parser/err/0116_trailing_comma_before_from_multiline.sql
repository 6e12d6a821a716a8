-- dialect: ansi
-- expect: trailing comma after `b` on line 5, before FROM on line 6 (not allowed in ansi); WHERE stays intact
select
    a,
    b,
from t
where a = 1;
