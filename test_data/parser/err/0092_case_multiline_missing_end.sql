-- expect: CASE opened on line 3 has no END: `as label` on line 6 follows the ELSE value; FROM on line 7 stays intact
select
    case
        when score > 90 then 'A'
        when score > 80 then 'B'
        else 'C' as label
from grades;
