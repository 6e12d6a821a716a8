select *
from users
where case when country = 'US' then state is not null else true end
  and regexp_matches(email, '^[a-z]+@')
  and not (is_test or is_internal)
