-- expect: misspelled ORDER BY as `orderby` (one word) after GROUP BY on line 2
select a from t group by a orderby a;
