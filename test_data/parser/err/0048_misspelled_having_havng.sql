-- expect: misspelled HAVING as `havng` on line 5, right after GROUP BY
select a, count(*)
from t
group by a
havng count(*) > 1;
