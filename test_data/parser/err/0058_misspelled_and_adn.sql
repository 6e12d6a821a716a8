-- expect: misspelled AND as `adn` in WHERE on line 2
select * from t where b = 1 adn c = 2 order by b;
